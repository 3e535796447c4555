using Infra.Components.Dr;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Dr;

public sealed class DnsFailoverTests
{
    private const string HealthCheck = "aws:route53/healthCheck:HealthCheck";
    private const string Record = "aws:route53/record:Record";
    private const string PrimaryAlbDns = "primary-alb-123.eu-west-1.elb.amazonaws.com";
    private const string PrimaryAlbZone = "Z32O12XQLNTSW2";
    private const string DrAlbDns = "dr-alb-456.eu-central-1.elb.amazonaws.com";
    private const string DrAlbZone = "Z215JYRZR1TBD5";
    private static readonly string[] Dns = ["pilotLight: true", "replica: true", "replicatedRepositories: [web]", "certificateArn: arn:aws:acm:eu-central-1:123456789012:certificate/dr", "dns: {zoneId: Z0123456789ABCDEFGHIJ, name: app.example.com}"];

    [Fact]
    public async Task Health_check_probes_the_default_services_health_path_on_the_primary_alb_over_https()
    {
        var plan = await PlanAsync(Production(dr: Dns));

        var check = plan.Inputs(HealthCheck, "dns-primary-health");
        Assert.Equal("HTTPS", (string)check["type"]!);
        Assert.Equal(443, (long)check["port"]!);
        Assert.Equal(PrimaryAlbDns, (string)check["fqdn"]!);
        Assert.Equal("/healthz", (string)check["resourcePath"]!);
        Assert.Equal(3, (long)check["failureThreshold"]!);
        Assert.Equal(30, (long)check["requestInterval"]!);
        Assert.Equal("production", (string)check["tags"]!["Stack"]!);
    }

    [Fact]
    public async Task The_probe_is_never_inverted_and_the_primary_gate_is_always_unhealthy_only_while_the_dr_region_is_promoted()
    {
        var normal = await PlanAsync(Production(dr: Dns));
        var promoted = await PlanAsync(Production(dr: [.. Dns, "promote: true"]));

        foreach (var (plan, threshold) in new[] { (normal, 1), (promoted, 2) })
        {
            Assert.False((bool)plan.Inputs(HealthCheck, "dns-primary-health")["invertHealthcheck"]!);
            var gate = plan.Inputs(HealthCheck, "dns-primary-gate");
            Assert.Equal("CALCULATED", (string)gate["type"]!);
            Assert.Equal(ComponentPlan.Token(HealthCheck, "dns-primary-health", "id"), (string)Assert.Single(gate["childHealthchecks"]!.AsArray())!);
            Assert.Equal(threshold, (long)gate["childHealthThreshold"]!);
            Assert.False(gate.ContainsKey("invertHealthcheck"));
            Assert.Equal("production", (string)gate["tags"]!["Stack"]!);
            Assert.Equal(ComponentPlan.Token(HealthCheck, "dns-primary-gate", "id"), (string)plan.Inputs(Record, "dns-primary")["healthCheckId"]!);
        }
    }

    [Fact]
    public async Task Without_a_certificate_the_health_check_probes_over_http()
    {
        var plan = await PlanAsync(Staging(dr: Dns));

        var check = plan.Inputs(HealthCheck, "dns-primary-health");
        Assert.Equal("HTTP", (string)check["type"]!);
        Assert.Equal(80, (long)check["port"]!);
    }

    [Fact]
    public async Task Primary_record_aliases_the_primary_alb_while_its_gate_passes()
    {
        var plan = await PlanAsync(Production(dr: Dns));

        var record = plan.Inputs(Record, "dns-primary");
        Assert.Equal("Z0123456789ABCDEFGHIJ", (string)record["zoneId"]!);
        Assert.Equal("app.example.com", (string)record["name"]!);
        Assert.Equal("A", (string)record["type"]!);
        Assert.Equal("primary", (string)record["setIdentifier"]!);
        Assert.Equal("PRIMARY", (string)record["failoverRoutingPolicies"]![0]!["type"]!);
        Assert.Equal(ComponentPlan.Token(HealthCheck, "dns-primary-gate", "id"), (string)record["healthCheckId"]!);
        var alias = Assert.Single(record["aliases"]!.AsArray())!;
        Assert.Equal(PrimaryAlbDns, (string)alias["name"]!);
        Assert.Equal(PrimaryAlbZone, (string)alias["zoneId"]!);
        Assert.True((bool)alias["evaluateTargetHealth"]!);
    }

    [Fact]
    public async Task Secondary_record_aliases_the_dr_alb()
    {
        var plan = await PlanAsync(Production(dr: Dns));

        var record = plan.Inputs(Record, "dns-secondary");
        Assert.Equal("app.example.com", (string)record["name"]!);
        Assert.Equal("secondary", (string)record["setIdentifier"]!);
        Assert.Equal("SECONDARY", (string)record["failoverRoutingPolicies"]![0]!["type"]!);
        Assert.False(record.ContainsKey("healthCheckId"));
        var alias = Assert.Single(record["aliases"]!.AsArray())!;
        Assert.Equal(DrAlbDns, (string)alias["name"]!);
        Assert.Equal(DrAlbZone, (string)alias["zoneId"]!);
    }

    [Fact]
    public async Task Secondary_record_weighs_the_dr_albs_health_only_until_the_dr_region_is_promoted()
    {
        var normal = await PlanAsync(Production(dr: Dns));
        var promoted = await PlanAsync(Production(dr: [.. Dns, "promote: true"]));

        Assert.True((bool)Assert.Single(normal.Inputs(Record, "dns-secondary")["aliases"]!.AsArray())!["evaluateTargetHealth"]!);
        Assert.False((bool)Assert.Single(promoted.Inputs(Record, "dns-secondary")["aliases"]!.AsArray())!["evaluateTargetHealth"]!);
        Assert.True((bool)Assert.Single(promoted.Inputs(Record, "dns-primary")["aliases"]!.AsArray())!["evaluateTargetHealth"]!);
    }

    [Fact]
    public async Task Children_are_parented_to_the_component()
    {
        var plan = await PlanAsync(Production(dr: Dns));

        var component = plan.Urn(DnsFailover.Type, "dns");
        Assert.All(new[] { (HealthCheck, "dns-primary-health"), (HealthCheck, "dns-primary-gate"), (Record, "dns-primary"), (Record, "dns-secondary") },
            r => Assert.Equal(component, (string)plan.Resource(r.Item1, r.Item2)["parent"]!));
    }

    [Fact]
    public async Task Dns_failover_needs_the_dns_settings()
    {
        var error = await Data.DatabaseArgsValidationTests.CapturedError(() => Declare(Production()), "production");

        Assert.Equal("DnsFailoverArgs.Settings has no infra:dr.dns; declare DnsFailover only when the stack sets dr.dns.zoneId and dr.dns.name", error);
    }

    private static Task<ComponentPlan> PlanAsync(StackSettings settings) =>
        ComponentPlan.RunAsync(() => Declare(settings), settings.StackName);

    private static DnsFailover Declare(StackSettings settings) =>
        new("dns", new DnsFailoverArgs
        {
            Settings = settings,
            PrimaryAlbDnsName = PrimaryAlbDns,
            PrimaryAlbZoneId = PrimaryAlbZone,
            DrAlbDnsName = DrAlbDns,
            DrAlbZoneId = DrAlbZone,
        });
}
