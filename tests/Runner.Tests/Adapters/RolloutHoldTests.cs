using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Microsoft.Extensions.Time.Testing;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Adapters;

/// <summary>
/// The rollout hold between machines, on a real DynamoDB-compatible ledger. Each machine has its own clock, so one
/// machine's hold expires on another's clock without its own heartbeat firing.
/// </summary>
public sealed class RolloutHoldTests : IDisposable
{
    private readonly List<IDisposable> owned = [];

    [Fact]
    public async Task Two_runners_racing_for_a_new_rollout_exactly_one_wins_and_the_other_is_told_who_holds_it()
    {
        var stack = await LocalLedger.NewStackAsync("hold");
        var a = Machine(stack, "runner-a", Clock());
        var b = Machine(stack, "runner-b", Clock());

        var results = await Task.WhenAll(
            Attempt(() => a.Hold.WriteAsync(Record("r-a"), CancellationToken.None)),
            Attempt(() => b.Hold.WriteAsync(Record("r-b"), CancellationToken.None)));

        Assert.Single(results, r => r is null);
        var loser = Assert.Single(results, r => r is not null)!;
        Assert.IsType<RolloutLeaseException>(loser);
        Assert.Contains("holds the lease: runner-", loser.Message);
    }

    [Fact]
    public async Task A_runner_that_stopped_cleanly_is_continued_from_another_machine_without_take_over()
    {
        var stack = await LocalLedger.NewStackAsync("hold");
        var a = Machine(stack, "runner-a", Clock());
        await a.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        await a.Hold.GiveUpAsync(CancellationToken.None);
        var b = Machine(stack, "runner-b", Clock());

        var record = await b.Hold.ReadAsync(CancellationToken.None);
        await b.Hold.WriteAsync(record! with { StepIndex = 2 }, CancellationToken.None);

        var lease = (await a.Ledger.ReadLeaseAsync())!;
        Assert.Equal(("runner-b", "r1", 2), (lease.Owner.Host, lease.RolloutId, lease.Step));
        Assert.Empty(await EventsAsync(b.Ledger));
    }

    [Fact]
    public async Task A_hold_that_expired_because_its_runner_is_gone_is_taken_over_only_when_asked_and_that_is_journaled()
    {
        var stack = await LocalLedger.NewStackAsync("hold");
        var a = Machine(stack, "runner-a", Clock());
        await a.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var later = Clock();
        later.Advance(TimeSpan.FromMinutes(3));
        var b = Machine(stack, "runner-b", later);
        var record = (await b.Hold.ReadAsync(CancellationToken.None))!;

        var refused = await Assert.ThrowsAsync<RolloutLeaseException>(() => b.Hold.WriteAsync(record, CancellationToken.None));
        var c = Machine(stack, "runner-c", later, takeOver: true);
        await c.Hold.WriteAsync(record, CancellationToken.None);

        Assert.Equal(
            "rollout r1 was held by runner-a (pid 4242), whose hold expired at 2026-03-01T12:02:00.0000000Z without being given up " +
            "(last heartbeat 2026-03-01T12:00:00.0000000Z); if that runner is gone, run this command again with --take-over", refused.Message);
        Assert.Equal("runner-c", (await a.Ledger.ReadLeaseAsync())!.Owner.Host);
        var taken = Assert.Single(await EventsAsync(c.Ledger));
        Assert.Equal((RolloutEventKind.TakenOver, "runner-a (pid 4242)"), (taken.Kind, taken.Data["from"]));
        // The runner that was gone comes back: it must not touch anything.
        await Assert.ThrowsAsync<RolloutLeaseException>(() => a.Hold.ReadAsync(CancellationToken.None));
        await Assert.ThrowsAsync<RolloutLeaseException>(() => a.Hold.WriteAsync(record with { StepIndex = 2 }, CancellationToken.None));
    }

    [Fact]
    public async Task An_abort_from_another_machine_reaches_the_holder_and_is_cleared_once_acted_on()
    {
        var stack = await LocalLedger.NewStackAsync("hold");
        var a = Machine(stack, "runner-a", Clock());
        await a.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        var laptop = Machine(stack, "laptop", Clock());

        var delivery = await laptop.Hold.RequestAsync("r1", RolloutControl.Abort, CancellationToken.None);
        var seen = (await a.Hold.ReadAsync(CancellationToken.None))!;
        await a.Hold.WriteAsync(seen with { Phase = RolloutPhase.RollingBack, StopRequest = null }, CancellationToken.None);

        Assert.Equal(ControlDelivery.ToRunningRunner, delivery);
        Assert.Equal(new RolloutStopRequest("abort", "laptop (pid 4242)"), seen.StopRequest);
        Assert.Null((await a.Ledger.ReadLeaseAsync())!.Control);
    }

    [Theory]
    [InlineData("flipped", true)]
    [InlineData("flipping", false)]
    [InlineData("failed", false)]
    public async Task The_release_guard_s_rollback_is_adopted_only_once_its_switch_is_done(string guardState, bool adopted)
    {
        var stack = await LocalLedger.NewStackAsync("hold");
        var a = Machine(stack, "runner-a", Clock());
        await a.Hold.WriteAsync(Record("r1"), CancellationToken.None);
        using var client = LocalLedger.Client();
        var attributes = new Dictionary<string, string>
        {
            ["guardId"] = "evt-1", ["guardReason"] = "alarm web-green-5xx", ["guardAt"] = "2026-03-01T12:00:05.0000000Z", ["guardState"] = guardState,
            ["controlId"] = "c-1", ["controlAction"] = "rollback", ["controlBy"] = "release-guard (alarm web-green-5xx)", ["controlAt"] = "2026-03-01T12:00:06.0000000Z",
        };
        await client.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
        {
            TableName = Infra.Stacks.Release.LedgerTable.NameFor(stack),
            Key = new() { [Infra.Stacks.Release.LedgerTable.PartitionKey] = new() { S = stack }, [Infra.Stacks.Release.LedgerTable.SortKey] = new() { S = Infra.Stacks.Release.LedgerTable.LeaseItem } },
            UpdateExpression = "SET " + string.Join(", ", attributes.Keys.Select(k => $"{k} = :{k}")),
            ExpressionAttributeValues = attributes.ToDictionary(a => $":{a.Key}", a => new Amazon.DynamoDBv2.Model.AttributeValue { S = a.Value }),
        });

        var seen = (await a.Hold.ReadAsync(CancellationToken.None))!;

        Assert.Equal(new RolloutStopRequest("rollback", "release-guard (alarm web-green-5xx)") { GuardFlipped = adopted }, seen.StopRequest);
    }

    [Fact]
    public async Task A_request_for_a_rollout_that_is_no_longer_in_progress_is_refused_and_stores_nothing()
    {
        var stack = await LocalLedger.NewStackAsync("hold");
        var ci = Machine(stack, "ci", Clock());
        await ci.Hold.WriteAsync(Record("r2"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RolloutLeaseException>(() =>
            Machine(stack, "laptop", Clock()).Hold.RequestAsync("r1", RolloutControl.Rollback, CancellationToken.None));

        Assert.StartsWith($"rollout r1 is no longer in progress, so nothing was requested: stack {stack}: rollout r2 holds the lease: ci (pid 4242)", refused.Message);
        Assert.Null((await ci.Ledger.ReadLeaseAsync())!.Control);
    }

    [Fact]
    public async Task A_request_with_no_rollout_in_progress_says_so()
    {
        var stack = await LocalLedger.NewStackAsync("hold");

        Assert.Equal(ControlDelivery.NoRollout, await Machine(stack, "laptop", Clock()).Hold.RequestAsync("r1", RolloutControl.Promote, CancellationToken.None));
    }

    [Fact]
    public async Task A_hold_given_up_at_the_end_of_a_command_lets_another_machine_continue_and_giving_up_after_the_end_does_nothing()
    {
        var stack = await LocalLedger.NewStackAsync("hold");
        var a = Machine(stack, "runner-a", Clock());
        await a.Hold.WriteAsync(Record("r1"), CancellationToken.None);

        await a.Hold.GiveUpAsync(CancellationToken.None);
        var delivery = await Machine(stack, "laptop", Clock()).Hold.RequestAsync("r1", RolloutControl.Rollback, CancellationToken.None);
        var b = Machine(stack, "runner-b", Clock());
        await b.Hold.WriteAsync((await b.Hold.ReadAsync(CancellationToken.None))!, CancellationToken.None);
        await b.Hold.EndAsync(CancellationToken.None);
        await b.Hold.GiveUpAsync(CancellationToken.None);

        Assert.Equal(ControlDelivery.Stored, delivery);
        Assert.Null(await a.Ledger.ReadLeaseAsync());
    }

    public void Dispose() => owned.ForEach(o => o.Dispose());

    private static FakeTimeProvider Clock() => new(RolloutHarness.Start);

    private (RolloutHold Hold, ReleaseLedger Ledger) Machine(string stack, string host, TimeProvider time, bool takeOver = false)
    {
        var client = LocalLedger.Client();
        var ledger = new ReleaseLedger(client, stack, new LeaseOwner(host, 4242, null), time);
        var hold = new RolloutHold(ledger, takeOver, time, new LedgerJournal(ledger));
        owned.Add(hold);
        owned.Add(client);
        return (hold, ledger);
    }

    /// <summary>A rollout of web (blue to green) in Shifting at step 0; other suites' holders use it too.</summary>
    internal static RolloutRecord Record(string id) => new(id, RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
        [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], RolloutPhase.Shifting, 0, RolloutHarness.Start, PromotionRequest.None);

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    private static async Task<List<RolloutEvent>> EventsAsync(ReleaseLedger ledger)
    {
        var events = new List<RolloutEvent>();
        await foreach (var e in new LedgerJournal(ledger).ReadAllAsync(CancellationToken.None)) events.Add(e);
        return events;
    }
}
