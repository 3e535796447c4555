using System.Text.Json;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;

namespace Runner.Tests.Dr;

public class FailoverTests
{
    private readonly DrWorld _world = new();

    private Task<DrResult> RunAsync(bool force = false) => new Failover(_world.Ports, new DrOptions(RpoTargetSeconds: 30)).RunAsync(DrWorld.Topology, force);

    [Fact]
    public async Task An_unhealthy_primary_fails_over_fencing_promoting_recording_scaling_moving_dns_and_fencing_again_in_that_order()
    {
        _world.PrimaryHttp = (false, "HTTP 503");

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(FailedOverCalls, _world.Calls);
        Assert.Equal(new DrWorld.Instance("available", DrWorld.Arn(DrWorld.Dr, "production-db-replica"), null, ResourceId: DrWorld.DrResourceId), _world.Instances[(DrWorld.Dr, "production-db-replica")]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.True(_world.Promoted);
        Assert.True(_world.ReleaseMarked);
        Assert.True(_world.PrimaryHeldUnhealthy);
        Assert.Equal(
            "production now runs in eu-central-1: database production-db-replica promoted, services running, DNS moved", result.Message);
        Assert.Equal((NotificationSeverity.Critical, $"Failover of production: {result.Message}"), Assert.Single(_world.Pages));
        Assert.Equal(ExitCodesSuccess, result.ExitCode);
    }

    private const int ExitCodesSuccess = 0;

    /// <summary>What a failover of an unhealthy primary changes, in order, however the promote call was answered.</summary>
    private static readonly string[] FailedOverCalls =
    [
        "http eu-west-1: https://primary.example.com/healthz",
        "mark: release True",
        "scale eu-west-1: production-web-blue to 0 (autoscaling 0..0)",
        "record: promoting db-REPLICAORIGINAL",
        "promote eu-central-1: production-db-replica",
        "record: Promoted",
        "scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)",
        "dns: hc-1 held unhealthy True",
        "scale eu-west-1: production-web-blue to 0 (autoscaling 0..0)",
    ];

    [Fact]
    public async Task Every_step_is_journaled_with_its_start_and_its_outcome()
    {
        _world.PrimaryHttp = (false, "HTTP 503");

        await RunAsync();

        Assert.Equal(
            ["FailoverPrimaryChecked", "FailoverStarted",
             .. Enumerable.Repeat<string[]>(["FailoverStepStarted", "FailoverStepDone"], 10).SelectMany(k => k), "FailoverSucceeded"],
            _world.Events.Select(e => e.Kind));
        Assert.Equal("step 4/10 wait-database: production-db-replica is available and standalone at production-db-replica.abc.eu-central-1.rds.amazonaws.com",
            _world.Events.Single(e => e.Kind == "FailoverStepDone" && e.Data["step"] == "wait-database").Message);
    }

    [Fact]
    public async Task A_primary_that_answers_healthy_is_refused_without_force_and_nothing_changes()
    {
        var result = await RunAsync();

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "the primary region eu-west-1 answers healthy (https://primary.example.com/healthz: HTTP 200; database production-db: available); nothing was changed. Fail over anyway with --force",
            result.Message);
        Assert.Equal(["http eu-west-1: https://primary.example.com/healthz"], _world.Calls);
        Assert.False(_world.Promoted);
        Assert.Empty(_world.Pages);
        Assert.Equal("FailoverRefused", _world.Events[^1].Kind);
    }

    [Fact]
    public async Task A_healthy_load_balancer_over_an_unavailable_database_is_not_healthy()
    {
        _world.Instances[(DrWorld.Primary, "production-db")] = _world.Instances[(DrWorld.Primary, "production-db")] with { Status = "storage-full" };

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal("primary region eu-west-1: https://primary.example.com/healthz: HTTP 200; database production-db: storage-full", _world.Events[0].Message);
    }

    [Fact]
    public async Task Force_skips_the_health_check_and_fails_over_a_healthy_primary()
    {
        var result = await RunAsync(force: true);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal("--force: the primary region's health is not checked", _world.Events[0].Message);
    }

    [Fact]
    public async Task The_primary_regions_apis_not_answering_do_not_stop_a_failover_and_the_report_says_so()
    {
        _world.Unreachable.Add(DrWorld.Primary);

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.True(_world.Promoted);
        Assert.True(_world.PrimaryHeldUnhealthy);
        Assert.Equal(
            "primary region eu-west-1: https://primary.example.com/healthz: no answer: connecting to the http endpoint in eu-west-1 timed out; " +
            "database production-db: the RDS API did not answer: connecting to the describe endpoint in eu-west-1 timed out",
            _world.Events[0].Message);
        var report = JsonDocument.Parse(result.JsonReport).RootElement;
        Assert.All(["fence-primary-first", "fence-primary"], name => Assert.Equal(
            "production-web-blue not reached (connecting to the scale endpoint in eu-west-1 timed out)",
            report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("detail").GetString()));
        Assert.Equal(
            ["database production-db: unknown, the RDS API did not answer (connecting to the describe endpoint in eu-west-1 timed out)",
             "service web (production/production-web-blue): unknown, the ECS API did not answer (connecting to the services endpoint in eu-west-1 timed out)"],
            report.GetProperty("regions")[0].GetProperty("state").EnumerateArray().Select(l => l.GetString()));
    }

    public static TheoryData<string, string, string> FailingSteps => new()
    {
        { "mark-release", "mark", "the ledger did not answer" },
        { "record-promotion", "record Promoted", "the ledger did not answer" },
        { "scale-dr-services", "scale eu-central-1", "ECS: AccessDeniedException" },
        { "switch-dns", "dns", "Route 53: Throttling" },
    };

    [Theory]
    [MemberData(nameof(FailingSteps))]
    public async Task A_failing_step_stops_the_failover_and_the_report_names_it_and_each_regions_state(string step, string operation, string error)
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.Failing[operation] = new InvalidOperationException(error);

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Failover failed at step {step} ({error}); the report says what state each region is in", result.Message);
        var report = JsonDocument.Parse(result.JsonReport).RootElement;
        Assert.Equal(step, report.GetProperty("failedStep").GetString());
        Assert.Equal(["eu-west-1", "eu-central-1"], report.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()));
        Assert.Contains($"- **FAILED** `{step}`", result.MarkdownReport, StringComparison.Ordinal);
        Assert.Contains("## State of each region", result.MarkdownReport, StringComparison.Ordinal);
        Assert.Equal((NotificationSeverity.Critical, $"Failover of production: {result.Message}"), Assert.Single(_world.Pages));
        Assert.Equal("FailoverFailed", _world.Events[^1].Kind);
        Assert.Equal(step, _world.Events[^1].Data["failedStep"]);
    }

    [Fact]
    public async Task A_promote_call_that_fails_starts_the_fenced_primary_services_again_and_the_message_says_so()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.Failing["promote eu-central-1"] = new PromotionRefusedException("RDS refused to promote production-db-replica (Throttling: Rate exceeded)");

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Failed, result.Outcome);
        Assert.Equal(
            "Failover failed at step promote-database (RDS refused to promote production-db-replica (Throttling: Rate exceeded)); undone: production-db-replica " +
            "was not promoted and the primary's services are scaled back to their live counts in eu-west-1; the report says what state each region is in", result.Message);
        // A refusal promoted nothing: the undo does not wait for RDS.
        Assert.Empty(_world.Time.Waits);
        Assert.Equal(
        [
            "http eu-west-1: https://primary.example.com/healthz",
            "mark: release True",
            "scale eu-west-1: production-web-blue to 0 (autoscaling 0..0)",
            "record: promoting db-REPLICAORIGINAL",
            "scale eu-west-1: production-web-blue to 3 (autoscaling 3..12)",
        ], _world.Calls);
        Assert.Equal("promote-database", JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("failedStep").GetString());
        Assert.Equal("FailoverFailed", _world.Events[^1].Kind);
    }

    /// <summary>
    /// A refusal (here AccessDenied) promoted nothing, so the primary starts again even when the replica is not an
    /// available replica by then (it started a backup after failover checked it).
    /// </summary>
    [Fact]
    public async Task A_refused_promote_call_starts_the_primary_again_whatever_the_replica_shows()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        var replica = _world.Instances[(DrWorld.Dr, "production-db-replica")];
        _world.Instances[(DrWorld.Dr, "production-db-replica")] = replica with { Status = "backing-up", ShownOnce = replica };
        _world.Failing["promote eu-central-1"] = new PromotionRefusedException(
            "RDS refused to promote production-db-replica (AccessDenied: User is not authorized to perform: rds:PromoteReadReplica)");

        var result = await RunAsync();

        Assert.Equal(
            "Failover failed at step promote-database (RDS refused to promote production-db-replica (AccessDenied: User is not authorized to perform: rds:PromoteReadReplica)); " +
            "undone: production-db-replica was not promoted and the primary's services are scaled back to their live counts in eu-west-1; " +
            "the report says what state each region is in", result.Message);
        Assert.Equal("scale eu-west-1: production-web-blue to 3 (autoscaling 3..12)", _world.Calls[^1]);
        Assert.Equal("backing-up", _world.Instances[(DrWorld.Dr, "production-db-replica")].Status);
        var undo = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "undo-fence-primary-first");
        Assert.Equal("production-web-blue to 3 (autoscaling 3..12); RDS refused to promote production-db-replica", undo.GetProperty("detail").GetString());
    }

    /// <summary>
    /// The SDK retries a PromoteReadReplica whose answer was lost; RDS, already promoting, answers the retry
    /// InvalidDBInstanceState, and its describe still shows the available replica at the first look. That is no refusal:
    /// failover watches RDS, sees the promotion and goes on, and never restarts the primary beside the promoted copy.
    /// </summary>
    [Fact]
    public async Task A_promote_whose_retry_rds_answers_InvalidDBInstanceState_after_taking_the_first_attempt_goes_on_and_never_restarts_the_primary()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.PromoteRetriedAfterTaken = true;

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(FailedOverCalls, _world.Calls);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Primary, "production-web-blue")]);
        var promote = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "promote-database");
        Assert.Equal(
            "PromoteReadReplica for production-db-replica was answered InvalidDBInstanceState (DB Instance production-db-replica is not in available state.), " +
            "as RDS also answers the SDK's retry of a promotion it took, but RDS took it: production-db-replica is available, standalone (accepts writes); " +
            "the promotion goes on", promote.GetProperty("detail").GetString());
        // The first look still showed the replica (RDS's describe lags the promotion): RDS was looked at again a poll later.
        var answered = new DrWorld { PrimaryHttp = (false, "HTTP 503") };
        await new Failover(answered.Ports, new DrOptions(RpoTargetSeconds: 30)).RunAsync(DrWorld.Topology, force: false);
        Assert.Equal([new DrOptions(RpoTargetSeconds: 30).Poll, .. answered.Time.Waits], _world.Time.Waits);
    }

    /// <summary>A replica no longer plainly following the primary may be being promoted: a restarted primary would take writes it misses.</summary>
    [Fact]
    public async Task A_promote_call_that_gets_no_answer_while_the_replica_stays_changing_leaves_the_primary_fenced()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.PromoteLandsUnansweredAfter = TimeSpan.Zero;
        _world.Stuck.Add("production-db-replica");

        var result = await RunAsync();

        Assert.Equal(
            "Failover failed at step promote-database (PromoteReadReplica for production-db-replica got no answer (no answer within 10s; the request was cancelled); 30m 0s later " +
            "production-db-replica is modifying, read replica of production-db: whether RDS is promoting it is not known); undoing it failed at step " +
            "undo-fence-primary-first (production-db-replica is modifying, read replica of production-db, so it may be being promoted: the primary's services " +
            "stay stopped; finish with `failover --stack production --yes --force`); the report says what state each region is in", result.Message);
        Assert.Equal("scale eu-west-1: production-web-blue to 0 (autoscaling 0..0)", _world.Calls.Last(c => c.StartsWith("scale", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The reviewer's scenario: the DR region's RDS API is slow, the promote call gets no answer within the call limit,
    /// and RDS promotes anyway. Undoing then would restart the primary beside a promoted copy; failover watches RDS,
    /// sees the promotion and goes on, and the primary's services are never started again.
    /// </summary>
    [Fact]
    public async Task A_promote_call_that_gets_no_answer_but_lands_later_goes_on_with_the_failover_and_never_restarts_the_primary()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.PromoteLandsUnansweredAfter = TimeSpan.FromSeconds(40);

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(FailedOverCalls, _world.Calls);
        Assert.True(_world.Promoted);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Primary, "production-web-blue")]);
        var promote = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "promote-database");
        Assert.Equal(
            "PromoteReadReplica for production-db-replica got no answer (no answer within 10s; the request was cancelled), but RDS took it: " +
            "production-db-replica is available, standalone (accepts writes); the promotion goes on", promote.GetProperty("detail").GetString());
    }

    /// <summary>A promote call that got no answer and that RDS never took counts as not promoted only after RDS was watched for the window.</summary>
    [Fact]
    public async Task A_promote_call_that_gets_no_answer_and_never_lands_is_undone_after_the_replica_stayed_an_available_replica()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.Failing["promote eu-central-1"] = new TimeoutException("no answer within 10s; the request was cancelled");

        var result = await RunAsync();

        Assert.Equal(
            "Failover failed at step promote-database (PromoteReadReplica for production-db-replica got no answer (no answer within 10s; the request was cancelled); " +
            "3m 0s later production-db-replica is still available, read replica of production-db, so RDS did not promote it); undone: production-db-replica " +
            "was not promoted and the primary's services are scaled back to their live counts in eu-west-1; the report says what state each region is in", result.Message);
        Assert.Equal("scale eu-west-1: production-web-blue to 3 (autoscaling 3..12)", _world.Calls[^1]);
        Assert.Equal(TimeSpan.FromMinutes(3), _world.Time.Waits.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait));
    }

    /// <summary>The mark goes first: a ledger that cannot take it stops failover before the database is promoted, so no
    /// moment exists where the DR database takes writes and older code could still read the stack as unpromoted.</summary>
    [Fact]
    public async Task A_release_mark_that_cannot_be_written_stops_the_failover_before_anything_changed()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.Failing["mark"] = new InvalidOperationException("the ledger did not answer");

        await RunAsync();

        Assert.Equal(["http eu-west-1: https://primary.example.com/healthz"], _world.Calls);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        Assert.False(_world.Promoted);
    }

    [Theory]
    [InlineData("production-db-replica", "wait-database",
        "production-db-replica becoming available and standalone did not happen within 30m 0s; last seen: modifying, read replica of production-db")]
    [InlineData("production-dr-web-blue", "wait-dr-services",
        "production-dr-web-blue running 3 task(s) did not happen within 15m 0s; last seen: 0 running of 3 desired")]
    public async Task A_wait_that_never_ends_fails_its_step_after_its_timeout(string stuck, string step, string detail)
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.Stuck.Add(stuck);

        var result = await RunAsync();

        Assert.Equal($"Failover failed at step {step} ({detail}); the report says what state each region is in", result.Message);
    }

    /// <summary>A forced failover of a primary that still runs (or a drill) stops its services before the promotion:
    /// what they wrote to the old database after it would be missing from the promoted copy.</summary>
    [Fact]
    public async Task A_forced_failover_stops_the_running_primarys_services_before_promoting_and_again_at_the_end()
    {
        var result = await RunAsync(force: true);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        var fenced = "scale eu-west-1: production-web-blue to 0 (autoscaling 0..0)";
        Assert.Equal(1, _world.Calls.IndexOf(fenced));
        Assert.Equal(3, _world.Calls.IndexOf("promote eu-central-1: production-db-replica"));
        Assert.Equal(fenced, _world.Calls[^1]);
        Assert.Equal(0, _world.Services[(DrWorld.Primary, "production-web-blue")].Desired);
        var steps = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["mark-release", "fence-primary-first", "promote-database"], steps.Take(3).Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("production-web-blue set to 0", steps[1].GetProperty("detail").GetString());
    }

    /// <summary>Both fences are best effort: the primary's ECS refusing them leaves them noted, and failover goes on.</summary>
    [Fact]
    public async Task A_primary_ecs_that_refuses_the_fence_does_not_stop_the_failover()
    {
        _world.Failing["scale eu-west-1"] = new InvalidOperationException("ECS: AccessDeniedException");

        var result = await RunAsync(force: true);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.True(_world.Promoted);
        var steps = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("name").GetString() is "fence-primary-first" or "fence-primary").ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s =>
        {
            Assert.True(s.GetProperty("succeeded").GetBoolean());
            Assert.Equal("production-web-blue not reached (ECS: AccessDeniedException)", s.GetProperty("detail").GetString());
        });
    }

    [Fact]
    public async Task A_rerun_after_a_failure_finds_the_database_promoted_and_finishes()
    {
        _world.PrimaryHttp = (false, "HTTP 503");
        _world.Failing["dns"] = new InvalidOperationException("Route 53: Throttling");
        await RunAsync();
        _world.Failing.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Single(_world.Calls, c => c.StartsWith("promote", StringComparison.Ordinal));
        Assert.Contains("production-db-replica is already standalone (available), promoted by an earlier failover (resource id db-REPLICAORIGINAL); nothing to promote",
            result.MarkdownReport, StringComparison.Ordinal);
    }
}
