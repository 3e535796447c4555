using System.Text.Json.Nodes;
using Infra;
using Infra.Ledger;
using Infra.Runner;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Commands;
using Infra.Runner.Dr;
using Infra.Runner.Plan;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Microsoft.Extensions.Time.Testing;
using Runner.Tests.Adapters;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// Failover, drill and fail-back under the stack's lease, against rollouts holding it, on a real DynamoDB-compatible
/// ledger. Each machine has its own fake clock: one machine's hold expires on another's clock without its heartbeat.
/// </summary>
public sealed class DrLeaseTests : IDisposable
{
    private const string RolloutHolder = "rollout r1 holds the lease: ci (pid 4242), phase Shifting step 0, " +
        "last heartbeat 2026-03-01T12:00:00.0000000Z, held until 2026-03-01T12:02:00.0000000Z";

    private readonly List<IDisposable> owned = [];
    private readonly StringWriter output = new();

    [Theory]
    [InlineData("drill")]
    [InlineData("failback")]
    public async Task Drill_and_failback_refuse_with_exit_5_naming_the_rollout_that_holds_the_lease_and_change_nothing(string command)
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var ci = Rollout(stack, "ci", Clock());
        await ci.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var ran = false;

        var code = await RunAsync(stack, "dr-host", Clock(), DrLeaseTerms.Planned(command, TimeSpan.Zero), _ => Ran(ref ran));

        Assert.Equal((ExitCodes.RolloutHeld, false), (code, ran));
        Assert.Contains($"ERR RolloutHeld: {command} was not started, nothing was changed: stack {stack}: {RolloutHolder}{Environment.NewLine}", output.ToString());
        Assert.Equal("r1", (await Ledger(stack).ReadLeaseAsync())!.RolloutId);
    }

    [Fact]
    public async Task A_drill_waits_for_a_rollout_to_end_then_runs_under_the_lease_and_releases_it()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var ci = Rollout(stack, "ci", Clock());
        await ci.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var drillClock = new TimerWatchingClock();
        Lease? seenByDrill = null;

        var drill = RunAsync(stack, "dr-host", drillClock, DrLeaseTerms.Planned("drill", TimeSpan.FromMinutes(30)), async _ =>
        {
            seenByDrill = await Ledger(stack).ReadLeaseAsync();
            return ExitCodes.Success;
        });
        await drillClock.TimerMade; // the drill found the rollout and waits
        await ci.Hold.EndAsync(CancellationToken.None);
        drillClock.Advance(DrLeaseHold.PollInterval);

        Assert.Equal(ExitCodes.Success, await drill);
        Assert.Equal(("drill", "drill-20260301-120000", "dr-host", "2026-03-01T12:00:30.0000000Z"),
            (seenByDrill!.DrCommand, seenByDrill.RolloutId, seenByDrill.Owner.Host, LedgerTime.Format(seenByDrill.HeartbeatAt)));
        Assert.Null(await Ledger(stack).ReadLeaseAsync());
    }

    /// <summary>
    /// What a release may change is read once the lease is held: the release waited out moved every service to its other
    /// color, and fail-back scales and reads that color, in both regions, not the one live when it started waiting.
    /// </summary>
    [Fact]
    public async Task A_fail_back_that_waited_out_a_release_reads_the_colors_and_outputs_that_release_left()
    {
        var stack = await LocalLedger.NewStackAsync("drreads");
        var path = RepoFiles.StackFile("production");
        var settings = StackSettingsLoader.FromDocument(StackFile.Load(path, stack)).GetValidOrThrow();
        var outputs = (JsonObject)(await PlanBuilder.BuildAsync(path, stack, new LedgerReleaseSource())).Document["outputs"]!;
        var ci = Rollout(stack, "ci", Clock());
        await ci.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var clock = new TimerWatchingClock();
        using var logger = RunnerLog.Create(output, json: false);
        string? outputsReadUnder = null;
        DrTopology? acted = null;

        var failback = DrCommands.RunUnderLeaseAsync(Ledger(stack, "dr-host", clock), DrLeaseTerms.Planned("failback", TimeSpan.FromHours(1)), clock, logger, settings,
            async _ =>
            {
                outputsReadUnder = (await Ledger(stack).ReadLeaseAsync())?.HolderName;
                return outputs;
            },
            (topology, _) =>
            {
                acted = topology;
                return Task.FromResult(ExitCodes.Success);
            }, CancellationToken.None);
        await clock.TimerMade; // fail-back found the release and waits
        var moved = await MoveEveryServiceToItsOtherColorAsync(ci.Ledger, settings);
        await ci.Hold.EndAsync(CancellationToken.None);
        clock.Advance(DrLeaseHold.PollInterval);

        Assert.Equal(ExitCodes.Success, await failback);
        Assert.Equal("failback failback-20260301-120000", outputsReadUnder);
        foreach (var side in new[] { "primary", "dr" })
        {
            var region = side == "dr" ? acted!.Dr : acted!.Primary;
            Assert.Equal(settings.Services.Select(s => (string)outputs["dr"]![side]!["services"]![s.Name]![moved[s.Name].ToConfigName()]!),
                region.Services.Select(s => s.EcsServiceName));
        }
    }

    [Fact]
    public async Task A_drill_that_waited_its_whole_time_refuses_naming_the_rollout()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        await Rollout(stack, "ci", Clock()).Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var drillClock = new TimerWatchingClock();
        var ran = false;

        var drill = RunAsync(stack, "dr-host", drillClock, DrLeaseTerms.Planned("drill", TimeSpan.FromMinutes(1)), _ => Ran(ref ran));
        await drillClock.TimerMade;
        drillClock.Advance(DrLeaseHold.PollInterval);
        await drillClock.TimerMade;
        drillClock.Advance(DrLeaseHold.PollInterval);

        Assert.Equal((ExitCodes.RolloutHeld, false), (await drill, ran));
        Assert.Contains($"ERR RolloutHeld: drill was not started, nothing was changed: stack {stack}: {RolloutHolder}; waited 1m 0s for it{Environment.NewLine}",
            output.ToString());
    }

    [Fact]
    public async Task A_rollout_whose_runner_is_gone_is_not_taken_by_a_drill_which_says_to_finish_it_first()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        await Rollout(stack, "ci", Clock()).Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var later = Clock();
        later.Advance(TimeSpan.FromMinutes(5));
        var ran = false;

        var code = await RunAsync(stack, "dr-host", later, DrLeaseTerms.Planned("drill", TimeSpan.FromMinutes(30)), _ => Ran(ref ran));

        Assert.Equal((ExitCodes.RolloutHeld, false), (code, ran));
        Assert.Contains($"ERR RolloutHeld: drill was not started, nothing was changed: stack {stack}: rollout r1 is in progress and no runner holds it " +
            "(its hold expired at 2026-03-01T12:02:00.0000000Z); resume, abort or roll it back, then run drill again", output.ToString());
        Assert.Equal("r1", (await Ledger(stack).ReadLeaseAsync())!.RolloutId);
    }

    [Fact]
    public async Task A_rollout_refuses_to_start_or_read_while_a_drill_holds_the_lease_naming_the_drill()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        await using var drill = await TakeAsync(stack, "dr-host", Clock(), DrLeaseTerms.Planned("drill", TimeSpan.Zero));
        var ci = Rollout(stack, "ci", Clock());

        var read = await Assert.ThrowsAsync<RolloutLeaseException>(() => ci.Hold.ReadAsync(CancellationToken.None));
        var write = await Assert.ThrowsAsync<RolloutLeaseException>(() => ci.Hold.WriteAsync(Record("r2"), CancellationToken.None));

        var holder = $"stack {stack}: drill drill-20260301-120000 holds the lease: dr-host (pid 4242), " +
            "last heartbeat 2026-03-01T12:00:00.0000000Z, held until 2026-03-01T12:02:00.0000000Z";
        Assert.Equal((holder, holder), (read.Message, write.Message));
    }

    [Fact]
    public async Task A_drill_whose_runner_is_gone_does_not_block_releases_once_its_lease_expired()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        // Its runner is killed: its clock never moves again, so the lease is neither renewed nor ended.
        _ = await TakeAsync(stack, "dr-host", Clock(), DrLeaseTerms.Planned("drill", TimeSpan.Zero));
        var later = Clock();
        later.Advance(TimeSpan.FromMinutes(3));
        var ci = Rollout(stack, "ci", later);

        var read = await ci.Hold.ReadAsync(CancellationToken.None);
        await ci.Hold.WriteAsync(Record("r1"), CancellationToken.None);

        Assert.Null(read);
        Assert.Equal(("r1", null), ((await Ledger(stack).ReadLeaseAsync())!.RolloutId, (await Ledger(stack).ReadLeaseAsync())!.DrCommand));
    }

    [Fact]
    public async Task Failover_takes_over_an_expired_rollout_lease_journals_the_rollout_s_record_and_that_rollout_stops()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var ci = Rollout(stack, "ci", Clock());
        await ci.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var later = Clock();
        later.Advance(TimeSpan.FromMinutes(3));

        await using var failover = await TakeAsync(stack, "dr-host", later, DrLeaseTerms.Failover(takeOverLive: false));
        var lost = await Assert.ThrowsAsync<RolloutLeaseException>(() => ci.Hold.WriteAsync(Record("r1") with { StepIndex = 1 }, CancellationToken.None));

        Assert.Equal(("r1", "failover", "failover-20260301-120300"), (failover.Replaced!.RolloutId, failover.Taken.DrCommand, failover.Taken.RolloutId));
        Assert.StartsWith($"stack {stack}: this rollout's lease (", lost.Message);
        Assert.EndsWith(") was taken: failover failover-20260301-120300 now holds it: dr-host (pid 4242), held until 2026-03-01T12:05:00.0000000Z", lost.Message);
        var taken = Assert.Single(await EventsAsync(stack));
        Assert.Equal((RolloutEventKind.TakenOver, "r1", "ci (pid 4242)", "dr-host (pid 4242)", RolloutRecordJson.Serialize(Record("r1"))),
            (taken.Kind, taken.RolloutId, taken.Data["from"], taken.Data["to"], taken.Data["record"]));
    }

    [Fact]
    public async Task Failover_refuses_a_live_holder_without_take_over_lease_and_supersedes_it_with_the_flag()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var ci = Rollout(stack, "ci", Clock());
        await ci.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var ran = false;

        var refused = await RunAsync(stack, "dr-host", Clock(), DrLeaseTerms.Failover(takeOverLive: false), _ => Ran(ref ran));
        var forced = await RunAsync(stack, "dr-host", Clock(), DrLeaseTerms.Failover(takeOverLive: true), _ => Ran(ref ran));

        Assert.Equal((ExitCodes.RolloutHeld, ExitCodes.Success, true), (refused, forced, ran));
        Assert.Contains($"ERR RolloutHeld: failover was not started, nothing was changed: stack {stack}: {RolloutHolder}; " +
            "if its runner is cut off with the primary region, run failover again with --take-over-lease, or once that hold has expired", output.ToString());
        Assert.Contains($"WRN failover took over the lease of stack {stack} from rollout r1: ci (pid 4242), held until 2026-03-01T12:02:00.0000000Z", output.ToString());
        // The rollout's runner finds its lease gone at its next write and stops without moving traffic.
        await Assert.ThrowsAsync<RolloutLeaseException>(() => ci.Hold.WriteAsync(Record("r1") with { StepIndex = 1 }, CancellationToken.None));
        Assert.Null(await Ledger(stack).ReadLeaseAsync());
    }

    [Fact]
    public async Task The_lease_is_released_after_success_after_failure_and_when_the_command_throws()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var terms = DrLeaseTerms.Planned("failback", TimeSpan.Zero);

        var succeeded = await RunAsync(stack, "dr-host", Clock(), terms, _ => Task.FromResult(ExitCodes.Success));
        var afterSuccess = await Ledger(stack).ReadLeaseAsync();
        var failed = await RunAsync(stack, "dr-host", Clock(), terms, _ => Task.FromResult(ExitCodes.Failed));
        var afterFailure = await Ledger(stack).ReadLeaseAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(stack, "dr-host", Clock(), terms, _ => throw new InvalidOperationException("RDS said no")));

        Assert.Equal((ExitCodes.Success, ExitCodes.Failed), (succeeded, failed));
        Assert.Equal((null, null, null), (afterSuccess, afterFailure, await Ledger(stack).ReadLeaseAsync()));
    }

    [Fact]
    public async Task A_drill_whose_lease_a_failover_took_stops_at_its_next_renewal_with_exit_5()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var drillClock = Clock();
        var (drill, drilling) = RunUntilTheLeaseIsLost(stack, drillClock, DrLeaseTerms.Planned("drill", TimeSpan.Zero));
        await drilling;
        var drillToken = (await Ledger(stack).ReadLeaseAsync())!.Token;
        await using (await TakeAsync(stack, "on-call", Clock(), DrLeaseTerms.Failover(takeOverLive: true)))
        {
            drillClock.Advance(RolloutHold.DefaultTtl / 4);

            Assert.Equal(ExitCodes.RolloutHeld, await drill);
        }

        Assert.Contains($"ERR RolloutHeld: drill lost the stack's lease and stopped: stack {stack}: this drill's lease ({drillToken}) was taken: " +
            $"failover failover-20260301-120000 now holds it: on-call (pid 4242), held until 2026-03-01T12:02:00.0000000Z{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public async Task A_fail_back_whose_lease_is_gone_stops_at_its_next_renewal_saying_its_own_lease_is_gone()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var clock = Clock();
        var (failback, running) = RunUntilTheLeaseIsLost(stack, clock, DrLeaseTerms.Planned("failback", TimeSpan.Zero));
        await running;
        var token = (await Ledger(stack).ReadLeaseAsync())!.Token;
        await Ledger(stack).ReleaseLeaseAsync(token); // deleted by hand
        clock.Advance(RolloutHold.DefaultTtl / 4);

        Assert.Equal(ExitCodes.RolloutHeld, await failback);
        Assert.Contains($"ERR RolloutHeld: failback lost the stack's lease and stopped: stack {stack}: this failback's lease ({token}) is gone: " +
            $"no runner holds the stack any more{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public async Task A_failover_whose_lease_another_failover_took_goes_on_and_says_its_own_lease_was_taken()
    {
        var stack = await LocalLedger.NewStackAsync("drlease");
        var running = new TaskCompletionSource();
        var tookOver = new TaskCompletionSource();
        var failover = RunAsync(stack, "dr-host", Clock(), DrLeaseTerms.Failover(takeOverLive: false), async _ =>
        {
            running.SetResult();
            await tookOver.Task;
            return ExitCodes.Success;
        });
        await running.Task;
        var token = (await Ledger(stack).ReadLeaseAsync())!.Token;
        var later = Clock();
        later.Advance(TimeSpan.FromMinutes(1));
        await using (await TakeAsync(stack, "on-call", later, DrLeaseTerms.Failover(takeOverLive: true)))
        {
            tookOver.SetResult();

            Assert.Equal(ExitCodes.Success, await failover);
        }

        Assert.Contains($"ERR failover went on although it lost the stack's lease (another runner may change the stack): stack {stack}: this failover's lease ({token}) " +
            $"was taken: failover failover-20260301-120100 now holds it: on-call (pid 4242), held until 2026-03-01T12:03:00.0000000Z{Environment.NewLine}", output.ToString());
    }

    public void Dispose()
    {
        owned.ForEach(o => o.Dispose());
        output.Dispose();
    }

    private static FakeTimeProvider Clock() => new(RolloutHarness.Start);

    private static Task<int> Ran(ref bool ran)
    {
        ran = true;
        return Task.FromResult(ExitCodes.Success);
    }

    private async Task<int> RunAsync(string stack, string host, TimeProvider time, DrLeaseTerms terms, Func<CancellationToken, Task<int>> command)
    {
        using var logger = RunnerLog.Create(output, json: false);
        return await HeldDrCommand.RunAsync(Ledger(stack, host, time), terms, time, logger, command, CancellationToken.None);
    }

    /// <summary>A drill or fail-back whose work goes on until its lease is lost; <c>Holding</c> completes once it holds the lease.</summary>
    private (Task<int> Run, Task Holding) RunUntilTheLeaseIsLost(string stack, TimeProvider time, DrLeaseTerms terms)
    {
        var holding = new TaskCompletionSource();
        var run = RunAsync(stack, "dr-host", time, terms, async token =>
        {
            holding.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return ExitCodes.Success;
        });
        return (run, holding.Task);
    }

    private Task<DrLeaseHold> TakeAsync(string stack, string host, TimeProvider time, DrLeaseTerms terms)
    {
        var ledger = Ledger(stack, host, time);
        return DrLeaseHold.TakeAsync(ledger, terms, time, new LedgerJournal(ledger), CancellationToken.None);
    }

    private ReleaseLedger Ledger(string stack, string host = "laptop", TimeProvider? time = null)
    {
        var client = LocalLedger.Client();
        owned.Add(client);
        return new ReleaseLedger(client, stack, new LeaseOwner(host, 4242, null), time ?? Clock());
    }

    private (RolloutHold Hold, ReleaseLedger Ledger) Rollout(string stack, string host, TimeProvider time)
    {
        var ledger = Ledger(stack, host, time);
        var hold = new RolloutHold(ledger, takeOver: false, time, new LedgerJournal(ledger));
        owned.Add(hold);
        return (hold, ledger);
    }

    /// <summary>A release through targeted updates only: each service's traffic all on its other color. Returns that color by service.</summary>
    private static async Task<Dictionary<string, Color>> MoveEveryServiceToItsOtherColorAsync(ReleaseLedger ledger, StackSettings settings)
    {
        var moved = new Dictionary<string, Color>();
        await new ReleaseStore(ledger, ReleaseMapping.Seed(settings)).ChangeDesiredAsync(state => settings.Services.Aggregate(state, (changed, s) =>
        {
            var current = changed.Services[s.Name];
            var next = moved[s.Name] = current.LiveColor == Color.Blue ? Color.Green : Color.Blue;
            return changed.With(s.Name, current with
            {
                LiveColor = next,
                Weights = new ColorPair<int>(0, 0).With(next, 100),
                Image = current.Image.With(next, current.Image[current.LiveColor]),
                Running = new ColorPair<bool>(true, true),
            });
        }), CancellationToken.None);
        return moved;
    }

    private static RolloutRecord Record(string id) => RolloutHoldTests.Record(id);

    private async Task<List<RolloutEvent>> EventsAsync(string stack)
    {
        var events = new List<RolloutEvent>();
        await foreach (var e in new LedgerJournal(Ledger(stack)).ReadAllAsync(CancellationToken.None)) events.Add(e);
        return events;
    }

    /// <summary>A fake clock that says when code under test made a timer (a wait began), so the test moves time only then.</summary>
    private sealed class TimerWatchingClock() : FakeTimeProvider(RolloutHarness.Start)
    {
        private readonly SemaphoreSlim made = new(0);

        /// <summary>Completes once per timer made.</summary>
        public Task TimerMade => made.WaitAsync();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            made.Release();
            return timer;
        }
    }
}
