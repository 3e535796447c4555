using Infra;
using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Plan;
using Infra.Stacks.Release;
using Microsoft.Extensions.Time.Testing;
using Pulumi;
using Runner.Tests.Adapters;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// The program (<c>plan --ledger</c>, as <c>pulumi up</c> reads the ledger) while the stack's lease is held, on a real
/// DynamoDB-compatible ledger: a live DR command's lease stops it with the operator's next step; a rollout's lease (the
/// runner's targeted updates run under it) and an expired DR command's lease do not. The program has its own clock.
/// </summary>
public sealed class ProgramDuringDrCommandTests : IDisposable
{
    private readonly List<IDisposable> owned = [];

    [Theory]
    [InlineData("drill")]
    [InlineData("failback")]
    public async Task While_a_planned_dr_command_holds_the_lease_the_program_stops_naming_it_and_what_to_do(string command)
    {
        var stack = await LocalLedger.NewStackAsync("drprog");
        await using var held = await TakeAsync(stack, DrLeaseTerms.Planned(command, TimeSpan.Zero), Clock());

        var error = await Assert.ThrowsAsync<RunException>(() => PlanAsync(stack, Clock(TimeSpan.FromSeconds(119))));

        Assert.Equal(
            $"release ledger {LedgerTable.NameFor(stack)} ({LocalLedger.Region}): {command} {command}-20260301-120000 holds the stack's lease " +
            "(dr-host (pid 4242), held until 2026-03-01T12:02:00.0000000Z) and is changing what this program declares, so nothing was declared. " +
            $"Wait for the {command} to end, or, if its runner died, run this again after 2026-03-01T12:02:00.0000000Z",
            error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task While_a_failover_holds_the_lease_the_program_stops_naming_it()
    {
        var stack = await LocalLedger.NewStackAsync("drprog");
        await using var held = await TakeAsync(stack, DrLeaseTerms.Failover(takeOverLive: false), Clock());

        var error = await Assert.ThrowsAsync<RunException>(() => PlanAsync(stack, Clock()));

        Assert.StartsWith($"release ledger {LedgerTable.NameFor(stack)} ({LocalLedger.Region}): failover failover-20260301-120000 holds the stack's lease ", error.Message);
        Assert.EndsWith("Wait for the failover to end, or, if its runner died, run this again after 2026-03-01T12:02:00.0000000Z", error.Message);
    }

    [Fact]
    public async Task A_dr_command_whose_runner_died_no_longer_stops_the_program_once_its_lease_expired()
    {
        var stack = await LocalLedger.NewStackAsync("drprog");
        // Its runner is killed: its clock never moves again, so the lease is neither renewed nor ended.
        _ = await TakeAsync(stack, DrLeaseTerms.Planned("drill", TimeSpan.Zero), Clock());

        var plan = await PlanAsync(stack, Clock(RolloutHold.DefaultTtl));

        Assert.NotEmpty(plan.Document["resources"]!.AsArray());
        Assert.Equal("drill", (await Ledger(stack, Clock()).ReadLeaseAsync())!.DrCommand);
    }

    [Fact]
    public async Task A_rollout_holding_the_lease_does_not_stop_the_program_its_targeted_updates_run()
    {
        var stack = await LocalLedger.NewStackAsync("drprog");
        var clock = Clock();
        var ledger = Ledger(stack, clock);
        var hold = new RolloutHold(ledger, takeOver: false, clock, new LedgerJournal(ledger));
        owned.Add(hold);
        await hold.WriteAsync(RolloutHoldTests.Record("r1"), CancellationToken.None);

        var plan = await PlanAsync(stack, Clock());

        Assert.NotEmpty(plan.Document["resources"]!.AsArray());
        Assert.Equal("r1", (await ledger.ReadLeaseAsync())!.RolloutId);
    }

    public void Dispose() => owned.ForEach(o => o.Dispose());

    private static FakeTimeProvider Clock(TimeSpan? after = null)
    {
        var clock = new FakeTimeProvider(RolloutHarness.Start);
        clock.Advance(after ?? TimeSpan.Zero);
        return clock;
    }

    private static Task<PlanResult> PlanAsync(string stack, TimeProvider programClock) =>
        PlanBuilder.BuildAsync(RepoFiles.StackFile("staging"), stack, new LedgerReleaseSource(programClock));

    private Task<DrLeaseHold> TakeAsync(string stack, DrLeaseTerms terms, TimeProvider time)
    {
        var ledger = Ledger(stack, time);
        return DrLeaseHold.TakeAsync(ledger, terms, time, new LedgerJournal(ledger), CancellationToken.None);
    }

    private ReleaseLedger Ledger(string stack, TimeProvider time)
    {
        var client = LocalLedger.Client();
        owned.Add(client);
        return new ReleaseLedger(client, stack, new LeaseOwner("dr-host", 4242, null), time);
    }
}
