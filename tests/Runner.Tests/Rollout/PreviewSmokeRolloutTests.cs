using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Adapters;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// A deploy that smoke-tests through the preview route with the real HTTP smoke check, the secret read from the fake
/// Secrets Manager: the route follows the live color with the test route, and the header's value appears in nothing
/// the rollout records or says (journal, notifications, progress, result, stored record).
/// </summary>
[Collection(nameof(SecretsManagerEndpointOverride))]
public sealed class PreviewSmokeRolloutTests : IDisposable
{
    private readonly PreviewSecretFixture _secrets = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _secrets.Dispose();
        _http.Dispose();
    }

    private RolloutHarness Harness(LoopbackHttpServer loadBalancer)
    {
        var harness = new RolloutHarness("web");
        harness.OutputsOverride = outputs => outputs with
        {
            Preview = new PreviewRoute("urn:web:preview-rule", loadBalancer.Url("/").GetLeftPart(UriPartial.Authority), "X-Infra-Preview",
                PreviewSecretFixture.SecretArn, ForSmoke: true),
        };
        var check = PreviewSmokeWireTests.Check(_http, harness.Time);
        harness.Smoke.Setup(s => s.RunAsync(It.IsAny<SmokeTarget>(), It.IsAny<SmokeCheckSettings>(), It.IsAny<CancellationToken>()))
            .Returns((SmokeTarget target, SmokeCheckSettings settings, CancellationToken token) => check.RunAsync(target, settings, token));
        return harness;
    }

    private static string EverythingSaid(RolloutHarness harness, RolloutResult result) => string.Join("\n",
        harness.Events.Select(e => e.ToString())
            .Concat(harness.Notifications.Select(n => n.Message))
            .Concat(harness.Progress.Select(p => p.ToString()))
            .Append(result.Message)
            .Append(harness.StoredRecord ?? ""));

    [Fact]
    public async Task The_deploy_smoke_tests_the_idle_color_through_the_production_listener_and_the_route_follows_the_live_color()
    {
        await using var loadBalancer = new LoopbackHttpServer(200);
        var harness = Harness(loadBalancer);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(["urn:web:green-taskdef", "urn:web:green-service", "urn:web:green-scaling", "urn:web:test-rule", "urn:web:preview-rule"],
            harness.Updates[0].Targets);
        Assert.Equal(["urn:web:test-rule", "urn:web:preview-rule"], harness.Updates[^2].Targets);
        Assert.Equal(3, loadBalancer.Requests.Count);
        Assert.All(loadBalancer.Requests, r => Assert.Equal(("/health", PreviewSecretFixture.SecretValue), (r.Path, r.Headers["X-Infra-Preview"])));
        Assert.DoesNotContain(PreviewSecretFixture.SecretValue, EverythingSaid(harness, result));
    }

    [Fact]
    public async Task A_failed_smoke_check_through_the_preview_route_stops_the_deploy_and_journals_the_route_not_the_value()
    {
        await using var loadBalancer = new LoopbackHttpServer(503);
        var harness = Harness(loadBalancer);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Empty(harness.TrafficUpdates);
        Assert.Equal($"Smoke check failed for web at {loadBalancer.Url("/health")} (with the X-Infra-Preview header): " +
            "no 3 x 2xx in a row within 120s (61 request(s)); last answers: 503, 503, 503, 503, 503",
            harness.Event(RolloutEventKind.SmokeFailed).Message);
        Assert.DoesNotContain(PreviewSecretFixture.SecretValue, EverythingSaid(harness, result));
    }
}
