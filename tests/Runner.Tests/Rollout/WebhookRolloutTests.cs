using System.Text.Json.Nodes;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// Webhooks in a rollout, called by the real HTTPS sender on a real TLS server on 127.0.0.1 that verifies the HMAC:
/// pre-traffic and post-step failures stop the release like a failed step; post-release and rollback failures are
/// journaled and undo nothing; the body and the key never reach the journal, notifications or results.
/// </summary>
public sealed class WebhookRolloutTests
{
    private const string Key = "k3y-that-must-never-be-logged";

    private static (RolloutHarness Harness, HttpsWebhookServer Server) Rollout()
    {
        var server = new HttpsWebhookServer(Key);
        var clock = new ManualClock();
        server.Hung = clock.RunOut;
        var harness = new RolloutHarness("web") { Webhooks = new HttpsWebhookSender(_ => Task.FromResult(Key), clock, server.Trust) };
        return (harness, server);
    }

    private static RolloutPlan Plan(HttpsWebhookServer server, WebhookAt at, string path) =>
        RolloutPlanParser.Parse(new RolloutArguments
        {
            Services = ["web=web:2"],
            Webhooks = [new RolloutWebhook("check", server.Url(path), at, TimeSpan.FromSeconds(5))],
        });

    public static TheoryData<string, string> Failures => new()
    {
        { "/fail", "HTTP 500" },
        { "/hang", "no answer within 5 s" },
        { "/redirect", "HTTP 302 (redirects are not followed)" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_pre_traffic_hook_stops_the_release_before_any_traffic_moves(string path, string output)
    {
        var (harness, server) = Rollout();
        await using var _ = server;

        var result = await harness.Engine.DeployAsync(Plan(server, WebhookAt.PreTraffic, path));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains($"stopped before any traffic moved: webhook check (pre-traffic) failed: {output}", result.Message);
        Assert.Empty(harness.TrafficUpdates);
        AssertFinished(harness, "pre-traffic", path == "/hang" ? "timeout" : "failed", output);
        Assert.True(Assert.Single(server.Calls).SignatureValid);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_post_step_hook_fails_the_step_and_rolls_back(string path, string output)
    {
        var (harness, server) = Rollout();
        await using var _ = server;

        var result = await harness.Engine.DeployAsync(Plan(server, WebhookAt.PostStep, path));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains($"webhook check (post-step) failed after step 1 (10%): {output}", result.Message);
        Assert.DoesNotContain(harness.TrafficUpdates, u => u.Weights["web"] == new TrafficWeights(50, 50));
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Balancer["web"]);
        AssertFinished(harness, "post-step", path == "/hang" ? "timeout" : "failed", output);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_post_release_hook_is_journaled_and_the_release_stands(string path, string output)
    {
        var (harness, server) = Rollout();
        await using var _ = server;

        var result = await harness.Engine.DeployAsync(Plan(server, WebhookAt.PostRelease, path));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(DeployColor.Green, harness.Configs["web"].LiveColor);
        AssertFinished(harness, "post-release", path == "/hang" ? "timeout" : "failed", output);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_rollback_hook_is_journaled_and_the_rollback_stands(string path, string output)
    {
        var (harness, server) = Rollout();
        await using var _ = server;
        harness.AlarmState = (name, _) => name == "web-green-5xx" && harness.Record?.Phase == RolloutPhase.Shifting ? AlarmState.Alarm : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(Plan(server, WebhookAt.Rollback, path));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Balancer["web"]);
        AssertFinished(harness, "rollback", path == "/hang" ? "timeout" : "failed", output);
    }

    [Fact]
    public async Task Each_point_posts_the_rollouts_state_signed_and_neither_body_nor_key_is_journaled_or_notified()
    {
        await using var server = new HttpsWebhookServer(Key);
        var harness = new RolloutHarness("web") { Webhooks = new HttpsWebhookSender(_ => Task.FromResult(Key), TimeProvider.System, server.Trust) };
        var plan = RolloutPlanParser.Parse(new RolloutArguments
        {
            Services = ["web=web:2"],
            Steps = "50,100",
            Webhooks =
            [
                new RolloutWebhook("gate", server.Url("/ok"), WebhookAt.PreTraffic, TimeSpan.FromSeconds(30)),
                new RolloutWebhook("steps", server.Url("/ok"), WebhookAt.PostStep, TimeSpan.FromSeconds(30)),
                new RolloutWebhook("done", server.Url("/ok"), WebhookAt.PostRelease, TimeSpan.FromSeconds(30)),
                new RolloutWebhook("undo", server.Url("/ok"), WebhookAt.Rollback, TimeSpan.FromSeconds(30)),
            ],
        });

        var result = await harness.Engine.DeployAsync(plan);

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.All(server.Calls, c => Assert.True(c.SignatureValid));
        var bodies = server.Calls.Select(c => JsonNode.Parse(c.Body)!).ToList();
        Assert.Equal(["pre-traffic", "post-step", "post-step", "post-release"], bodies.Select(b => (string)b["at"]!));
        var step = bodies[1];
        Assert.Equal(("production", harness.Event(RolloutEventKind.Started).RolloutId), ((string)step["stack"]!, (string)step["rolloutId"]!));
        Assert.Equal("""{"number":1,"of":2,"percent":50}""", step["step"]!.ToJsonString());
        Assert.Equal("""[{"name":"web","fromColor":"blue","toColor":"green","image":"web:2","weights":{"blue":50,"green":50}}]""", step["services"]!.ToJsonString());
        Assert.Null(bodies[0]["step"]);
        Assert.Equal("""{"blue":0,"green":100}""", bodies[3]["services"]![0]!["weights"]!.ToJsonString());
        Assert.Equal(8, harness.Events.Count(e => e.Kind is RolloutEventKind.HookStarted or RolloutEventKind.HookFinished));
        Assert.Equal(["ok"], harness.Events.Where(e => e.Kind == RolloutEventKind.HookFinished).Select(e => e.Data["result"]).Distinct());
        Assert.Equal("HTTP 204", harness.Events.First(e => e.Kind == RolloutEventKind.HookFinished).Data["output"]);
        var written = harness.Events.SelectMany(e => e.Data.Values.Append(e.Message))
            .Concat(harness.Notifications.Select(n => n.Message)).Append(result.Message).Append(harness.StoredRecord ?? "").ToList();
        Assert.DoesNotContain(written, text => text.Contains(Key, StringComparison.Ordinal) || text.Contains("\"rolloutId\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resume_does_not_call_a_hook_the_record_holds_as_done()
    {
        await using var server = new HttpsWebhookServer(Key);
        var harness = new RolloutHarness("web") { Webhooks = new HttpsWebhookSender(_ => Task.FromResult(Key), TimeProvider.System, server.Trust) };
        using var kill = new CancellationTokenSource();
        harness.AlarmState = (_, _) =>
        {
            if (harness.Record?.HookStateOf("webhook:gate@pre-traffic") == HookState.Done) kill.Cancel();
            return AlarmState.Ok;
        };
        var plan = RolloutPlanParser.Parse(new RolloutArguments
        {
            Services = ["web=web:2"],
            Webhooks = [new RolloutWebhook("gate", server.Url("/ok"), WebhookAt.PreTraffic, TimeSpan.FromSeconds(30))],
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(plan, kill.Token));
        harness.AlarmState = (_, _) => AlarmState.Ok;
        harness.StoredRecord = RolloutRecordJson.Serialize(harness.Record! with { Phase = RolloutPhase.SmokeTesting });

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Single(server.Calls);
    }

    private static void AssertFinished(RolloutHarness harness, string at, string result, string output)
    {
        var finished = harness.Event(RolloutEventKind.HookFinished);
        Assert.Equal(("webhook:check", at, result, output), (finished.Data["hook"], finished.Data["at"], finished.Data["result"], finished.Data["output"]));
    }
}
