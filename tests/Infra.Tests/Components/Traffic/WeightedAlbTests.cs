using System.Text.Json.Nodes;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using static Infra.Tests.Components.Traffic.AlbPlan;

namespace Infra.Tests.Components.Traffic;

public sealed class WeightedAlbTests
{
    [Fact]
    public async Task The_https_listener_uses_tls_13_the_certificate_and_the_security_headers()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var https = plan.Inputs(Listener, "alb-https");
        Assert.Equal((443L, "HTTPS"), ((long)https["port"]!, (string)https["protocol"]!));
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", (string)https["sslPolicy"]!);
        Assert.Equal(TrafficStacks.Production.LoadBalancer.CertificateArn, (string)https["certificateArn"]!);
        Assert.Equal("max-age=31536000; includeSubDomains", (string)https["routingHttpResponseStrictTransportSecurityHeaderValue"]!);
        Assert.Equal("nosniff", (string)https["routingHttpResponseXContentTypeOptionsHeaderValue"]!);
        Assert.Equal("DENY", (string)https["routingHttpResponseXFrameOptionsHeaderValue"]!);
    }

    [Fact]
    public async Task Http_redirects_permanently_to_https()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var http = plan.Inputs(Listener, "alb-http");
        var action = Assert.Single(http["defaultActions"]!.AsArray())!;
        Assert.Equal((80L, "HTTP"), ((long)http["port"]!, (string)http["protocol"]!));
        Assert.Equal("redirect", (string)action["type"]!);
        Assert.Equal(("HTTPS", "443", "HTTP_301"),
            ((string)action["redirect"]!["protocol"]!, (string)action["redirect"]!["port"]!, (string)action["redirect"]!["statusCode"]!));
    }

    [Fact]
    public async Task The_first_service_is_the_default_action_forwarding_to_its_two_groups_by_weight()
    {
        var settings = TrafficStacks.Production with
        {
            Services = TrafficStacks.Production.Services.Select(s => s.Name == "web" ? s with { Weights = new ColorPair<int>(90, 10) } : s).ToValueList(),
        };
        var plan = await AlbPlan.RunAsync(settings);

        var action = Assert.Single(plan.Inputs(Listener, "alb-https")["defaultActions"]!.AsArray())!;
        Assert.Equal("forward", (string)action["type"]!);
        Assert.Equal([(Arn("alb-web-tg-blue"), 90L), (Arn("alb-web-tg-green"), 10L)], ForwardTargets(action));
    }

    [Fact]
    public async Task A_second_service_gets_a_host_rule_with_its_own_groups_and_weights()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var rule = plan.Inputs(Rule, "alb-api-rule");
        Assert.Equal(ComponentPlan.Token(Listener, "alb-https", "arn"), (string)rule["listenerArn"]!);
        Assert.Equal(10L, (long)rule["priority"]!);
        Assert.Equal("api.example.com", (string)Assert.Single(rule["conditions"]!.AsArray())!["hostHeader"]!["values"]![0]!);
        Assert.Equal([(Arn("alb-api-tg-blue"), 0L), (Arn("alb-api-tg-green"), 100L)], ForwardTargets(Assert.Single(rule["actions"]!.AsArray())!));
    }

    [Fact]
    public async Task The_test_listener_reaches_only_each_services_idle_color()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var test = plan.Inputs(Listener, "alb-test");
        Assert.Equal((8443L, "HTTPS"), ((long)test["port"]!, (string)test["protocol"]!));
        Assert.Equal([(Arn("alb-web-tg-green"), 100L)], ForwardTargets(test["defaultActions"]![0]!));
        var apiTest = plan.Inputs(Rule, "alb-api-test-rule");
        Assert.Equal(ComponentPlan.Token(Listener, "alb-test", "arn"), (string)apiTest["listenerArn"]!);
        Assert.Equal([(Arn("alb-api-tg-blue"), 100L)], ForwardTargets(apiTest["actions"]![0]!));
    }

    [Fact]
    public async Task Two_services_get_distinct_target_groups_and_rules_and_one_service_needs_no_rule()
    {
        var two = await AlbPlan.RunAsync(TrafficStacks.Production);
        var one = await AlbPlan.RunAsync(TrafficStacks.StagingWith(TrafficStacks.WebService()));

        Assert.Equal(["alb-api-tg-blue", "alb-api-tg-green", "alb-web-tg-blue", "alb-web-tg-green"],
            two.OfType(TargetGroup).Select(t => (string)t["name"]!).Order());
        Assert.Equal(["alb-api-preview-rule", "alb-api-rule", "alb-api-test-rule", "alb-web-preview-rule"],
            two.OfType(Rule).Select(r => (string)r["name"]!).Order());
        Assert.Equal(["alb-web-preview-rule"], one.OfType(Rule).Select(r => (string)r["name"]!));
    }

    [Fact]
    public async Task Staging_without_a_certificate_serves_http_on_80_without_https()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Staging);

        Assert.Equal(["alb-http", "alb-test"], plan.OfType(Listener).Select(l => (string)l["name"]!).Order());
        var http = plan.Inputs(Listener, "alb-http");
        Assert.Equal("forward", (string)http["defaultActions"]![0]!["type"]!);
        Assert.Null(http["certificateArn"]);
        Assert.Equal("HTTP", (string)plan.Inputs(Listener, "alb-test")["protocol"]!);
    }

    [Fact]
    public async Task Target_groups_take_ip_targets_with_the_services_health_check_and_draining()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var group = plan.Inputs(TargetGroup, "alb-web-tg-green");
        Assert.Equal(("ip", "HTTP", 8080L, "vpc-1"), ((string)group["targetType"]!, (string)group["protocol"]!, (long)group["port"]!, (string)group["vpcId"]!));
        Assert.Equal((30L, 60L), ((long)group["deregistrationDelay"]!, (long)group["slowStart"]!));
        var check = group["healthCheck"]!;
        Assert.Equal(("/healthz", 15L, 3L, 3L),
            ((string)check["path"]!, (long)check["interval"]!, (long)check["healthyThreshold"]!, (long)check["unhealthyThreshold"]!));
        Assert.Null(group["name"]);
    }

    [Fact]
    public async Task The_load_balancer_is_internet_facing_hardened_and_protected_in_production()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var alb = plan.Inputs(Alb, "alb-alb");
        Assert.False((bool)alb["internal"]!);
        Assert.True((bool)alb["enableDeletionProtection"]!);
        Assert.True((bool)alb["dropInvalidHeaderFields"]!);
        Assert.True((bool)alb["enableHttp2"]!);
        Assert.Equal(60L, (long)alb["idleTimeout"]!);
        Assert.Equal(["subnet-pub-a", "subnet-pub-b"], alb["subnets"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["sg-lb"], alb["securityGroups"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task A_service_name_too_long_for_a_target_group_is_refused_before_anything_is_declared()
    {
        var settings = TrafficStacks.Staging with
        {
            Services = TrafficStacks.Staging.Services.Select(s => s with { Name = "customer-portal" }).ToValueList(),
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => AlbPlan.RunAsync(settings));

        Assert.Contains(
            "target group name 'alb-customer-portal-tg-green' is longer than 24 characters, which leaves no room for the suffix Pulumi adds within AWS's 32-character limit; shorten the service name or the load balancer's name (Parameter 'services')",
            Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join("\n", aggregate.Flatten().InnerExceptions.Select(Flatten)) : error.Message + "\n" + (error.InnerException is { } inner ? Flatten(inner) : "");
}
