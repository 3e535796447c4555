using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>What the runner reads to smoke-test through the production listener: URLs, header name, the secret's ARN.</summary>
public sealed class SmokeRouteOutputTests
{
    private const string Rule = "aws:lb/listenerRule:ListenerRule";

    [Fact]
    public async Task Each_service_exports_its_preview_url_header_and_route()
    {
        var plan = await ComponentPlan.OfStackFileAsync(RepoPaths.StackFile("production"));

        var services = plan.Outputs["services"]!;
        var dns = ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "alb-alb", "dnsName");
        Assert.Equal($"https://{dns}", (string)services["web"]!["previewUrl"]!);
        Assert.Equal("https://api.example.com", (string)services["api"]!["previewUrl"]!);
        Assert.Equal(("X-Infra-Preview", "X-Infra-Preview"), ((string)services["web"]!["previewHeader"]!, (string)services["api"]!["previewHeader"]!));
        Assert.Equal(plan.Urn(Rule, "alb-web-preview-rule"), (string)services["web"]!["previewRouteUrn"]!);
        Assert.Equal(plan.Urn(Rule, "alb-api-preview-rule"), (string)services["api"]!["previewRouteUrn"]!);
    }

    [Fact]
    public async Task The_stack_exports_the_smoke_route_and_the_secrets_arn_never_its_value()
    {
        var plan = await ComponentPlan.OfStackFileAsync(RepoPaths.StackFile("production"));

        var smoke = plan.Outputs["smokeRoute"]!;
        Assert.Equal("previewHeader", (string)smoke["via"]!);
        Assert.Equal(ComponentPlan.Token("aws:secretsmanager/secret:Secret", "preview-secret", "arn"), (string)smoke["previewSecretArn"]!);
        Assert.Equal("[secret]", (string)plan.Inputs(Rule, "alb-api-preview-rule")["conditions"]![1]!["httpHeader"]!["values"]!);
        Assert.Equal("[secret]", (string)plan.Inputs(Rule, "dr-alb-web-preview-rule")["conditions"]![0]!["httpHeader"]!["values"]!);
        Assert.Equal("[secret]", (string)plan.Inputs("aws:secretsmanager/secretVersion:SecretVersion", "preview-secret-value")["secretString"]!);
    }
}
