using System.Net.Security;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Adapters;

/// <summary>Smoke requests must match the service's listener rule (host or path) or the default service answers instead.</summary>
public class SmokeRoutingTests
{
    private readonly AutoAdvancingTimeProvider time = new(RolloutHarness.Start);
    private readonly HttpClient client = new();

    private static ServiceOutputs Service(Uri testUrl, string? host, string? pathPattern, string healthCheckPath) => new(
        "svc", ["urn:svc:rule"], "urn:svc:test-rule",
        new ColorOutputs("td", "s", "st", []), new ColorOutputs("td", "s", "st", []), [],
        testUrl.ToString(), DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue), host, pathPattern, healthCheckPath);

    [Fact]
    public async Task A_host_routed_service_is_requested_with_its_host_header_on_its_health_check_path()
    {
        await using var server = new LoopbackHttpServer(200);
        var target = RolloutTargets.Smoke(Service(server.Url("/"), "api.example.com", null, "/healthz"), null);

        var result = await new HttpSmokeCheck(client, time, TimeSpan.FromSeconds(2))
            .RunAsync(target, new SmokeCheckSettings(null, 1, TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.True(result.Passed);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("/healthz", "api.example.com"), (request.Path, request.Host));
        Assert.Equal($"{server.Url("/healthz")} (Host api.example.com)", target.ToString());
    }

    [Fact]
    public async Task A_path_routed_service_is_requested_under_its_path_prefix()
    {
        await using var server = new LoopbackHttpServer(200);
        var target = RolloutTargets.Smoke(Service(server.Url("/"), null, "/api/*", "/healthz"), "/ready");

        await new HttpSmokeCheck(client, time, TimeSpan.FromSeconds(2))
            .RunAsync(target, new SmokeCheckSettings("/ready", 1, TimeSpan.FromSeconds(10)), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("/api/ready", $"127.0.0.1:{server.Url("/").Port}"), (request.Path, request.Host));
    }

    [Theory]
    [InlineData("/api/*", "/health", "/api/health")]
    [InlineData("/api*", "/health", "/api/health")]
    [InlineData("/api", "/health", "/api/health")]
    [InlineData("/api/*", "/api/health", "/api/health")]
    [InlineData("/api/*", "/apihealth", "/api/apihealth")]
    [InlineData("/*", "/health", "/health")]
    public void The_path_prefix_is_the_pattern_without_its_wildcard_and_is_not_repeated(string pattern, string path, string expected)
    {
        var target = RolloutTargets.Smoke(Service(new Uri("https://alb.example:8443/"), null, pattern, "/unused"), path);

        Assert.Equal(new SmokeTarget($"https://alb.example:8443{expected}", null), target);
    }

    [Theory]
    [InlineData(SslPolicyErrors.None, true)]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch, true)]
    [InlineData(SslPolicyErrors.RemoteCertificateChainErrors, false)]
    [InlineData(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, false)]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable, false)]
    public void Only_a_name_mismatch_is_forgiven_on_the_load_balancers_certificate(SslPolicyErrors errors, bool accepted)
    {
        Assert.Equal(accepted, SmokeHttpClient.AcceptsCertificate(errors));
    }

    [Fact]
    public void Through_the_preview_route_a_host_routed_service_is_requested_on_its_own_host_with_the_header_and_no_host_override()
    {
        var service = Service(new Uri("https://alb.example:8443/"), "api.example.com", "/api/*", "/healthz") with
        {
            Preview = new PreviewRoute("urn:svc:preview-rule", "https://api.example.com", "X-Infra-Preview", "arn:secret", ForSmoke: true),
        };

        var target = RolloutTargets.Smoke(service, null);

        Assert.Equal(new SmokeTarget("https://api.example.com/api/healthz", null, new PreviewHeader("X-Infra-Preview", "arn:secret")), target);
        Assert.Equal("https://api.example.com/api/healthz (with the X-Infra-Preview header)", target.ToString());
    }

    [Fact]
    public void A_stack_that_smokes_through_the_test_listener_keeps_the_test_url_and_host_header()
    {
        var service = Service(new Uri("https://alb.example:8443/"), "api.example.com", null, "/healthz") with
        {
            Preview = new PreviewRoute("urn:svc:preview-rule", "https://api.example.com", "X-Infra-Preview", "arn:secret", ForSmoke: false),
        };

        Assert.Equal(new SmokeTarget("https://alb.example:8443/healthz", "api.example.com"), RolloutTargets.Smoke(service, null));
    }
}
