using Amazon.DynamoDBv2.Model;
using Infra.Ledger;
using Infra.Runner;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Machines;

/// <summary>
/// Two runner processes with their own project folders and one ledger, as two machines: the rollout is held by exactly
/// one, requests from the other reach it, and a machine lost mid-step is taken over only when asked, ending in a known
/// state. Both resume a rollout at 50% that baked for 10 minutes, polling every second.
/// </summary>
public sealed class TwoMachineTests
{
    private const string Reason = "runner processes drive the offline workspace, which runs the program as the CLI would";

    /// <summary>Printed at every poll while the 50% step bakes: the runner holds the rollout and has re-applied its step.</summary>
    private const string Baking = "Shifting step 1/2: 50% on the new color";

    [OfflineSdkFact(Reason)]
    public async Task Two_machines_resuming_the_same_rollout_exactly_one_holds_it_and_the_other_changes_nothing()
    {
        using var machines = await TwoMachines.StartAsync();

        using var a = machines.Start(machines.A, "resume");
        using var b = machines.Start(machines.B, "resume");
        var aBakes = a.LineAsync(Baking);
        var winner = await Task.WhenAny(aBakes, b.LineAsync(Baking)) == aBakes ? a : b;
        var loser = winner == a ? b : a;

        Assert.Equal(ExitCodes.RolloutHeld, await loser.ExitAsync());
        Assert.True(loser.Output.Contains($"rollout {machines.RolloutId} holds the lease: "), loser.Output);
        Assert.DoesNotContain(Baking, loser.Output);
        Assert.Equal(winner.Id, (await machines.Ledger.ReadLeaseAsync())!.Owner.ProcessId);
    }

    [OfflineSdkTheory(Reason)]
    [InlineData("abort")]
    [InlineData("rollback")]
    public async Task A_stop_from_the_other_machine_reaches_the_runner_within_a_poll_and_is_never_undone(string command)
    {
        using var machines = await TwoMachines.StartAsync();
        using var a = machines.Start(machines.A, "resume");
        await a.LineAsync(Baking);

        var (requestCode, requestOutput) = await machines.RunAsync(machines.B, command);
        var code = await a.ExitAsync();

        Assert.Equal(0, requestCode);
        Assert.Contains($"{command} requested for rollout {machines.RolloutId}: the runner executing it rolls it back at its next poll", requestOutput);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains($"Rolled back web to blue: {command} requested by ", a.Output);
        await AssertAtRestOnBlueAsync(machines);
    }

    [OfflineSdkFact(Reason)]
    public async Task A_rollout_paused_on_one_machine_goes_on_when_the_other_machine_promotes_it()
    {
        using var machines = await TwoMachines.StartAsync(record => record with
        {
            Plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], Steps = "50,pause,100", Bake = "10m", Interval = "1s" }),
            Hooks = [new HookRecord("pause:1", HookState.Running, null, record.PhaseStartedAt)],
        });
        using var a = machines.Start(machines.A, "resume");
        await a.LineAsync(Baking);

        var (promoteCode, promoteOutput) = await machines.RunAsync(machines.B, "promote");
        await a.LineAsync("Shifting step 2/2: 100% on the new color");
        var (abortCode, _) = await machines.RunAsync(machines.B, "abort");

        Assert.Equal((0, 0, ExitCodes.Failed), (promoteCode, abortCode, await a.ExitAsync()));
        Assert.Contains($"Promotion requested for rollout {machines.RolloutId}: end the pause after step 1 and go on with the next step", promoteOutput);
        var events = new List<RolloutEvent>();
        await foreach (var e in new LedgerJournal(machines.Ledger).ReadAllAsync(CancellationToken.None)) events.Add(e);
        var finished = Assert.Single(events, e => e.Kind == RolloutEventKind.HookFinished);
        Assert.Equal(("pause:1", "ok", "promote"), (finished.Data["hook"], finished.Data["result"], finished.Data["output"]));
        await AssertAtRestOnBlueAsync(machines);
    }

    [OfflineSdkFact(Reason)]
    public async Task A_machine_lost_mid_step_is_taken_over_only_with_take_over_after_its_hold_expired_and_ends_rolled_back()
    {
        using var machines = await TwoMachines.StartAsync();
        using var a = machines.Start(machines.A, "resume");
        await a.LineAsync(Baking);
        await a.KillAsync();

        var (held, heldOutput) = await machines.RunAsync(machines.B, "resume");
        await ExpireHoldAsync(machines);
        var (refused, refusedOutput) = await machines.RunAsync(machines.B, "rollback");
        var (taken, takenOutput) = await machines.RunAsync(machines.B, "rollback", "--take-over");

        Assert.True((ExitCodes.RolloutHeld, ExitCodes.RolloutHeld, ExitCodes.Failed) == (held, refused, taken), $"{heldOutput}\n---\n{refusedOutput}\n---\n{takenOutput}");
        Assert.Contains($"rollout {machines.RolloutId} holds the lease: ", heldOutput);
        Assert.Contains("if that runner is gone, run this command again with --take-over", refusedOutput);
        Assert.Contains("Rolled back web to blue: rollback requested by operator", takenOutput);
        await AssertAtRestOnBlueAsync(machines);
        var events = new List<RolloutEvent>();
        await foreach (var e in new LedgerJournal(machines.Ledger).ReadAllAsync(CancellationToken.None)) events.Add(e);
        Assert.Contains(events, e => e.Kind == RolloutEventKind.TakenOver && e.Data["from"].Contains($"pid {a.Id}", StringComparison.Ordinal));
    }

    [OfflineSdkFact(Reason)]
    public async Task No_runner_command_writes_the_stack_file()
    {
        using var machines = await TwoMachines.StartAsync();
        var stackFile = Path.Combine(machines.A, $"Pulumi.{machines.Stack}.yaml");
        var before = await File.ReadAllBytesAsync(stackFile);
        string[][] commands =
        [
            // The rollout at 50% is promoted, then aborted; a new deploy stops at its smoke check (the offline load
            // balancer has no address); resume then has nothing to continue. Each ends by itself.
            ["status"], ["history"], ["promote"], ["abort"], ["deploy", "--service", "web=web:3"], ["resume"], ["rollback"], ["drill"],
        ];

        var ran = new List<string>();
        foreach (var command in commands)
        {
            using var runner = machines.Start(machines.A, command);
            ran.Add($"{string.Join(' ', command)} -> {await runner.ExitAsync()}");
        }

        var after = await File.ReadAllBytesAsync(stackFile);
        Assert.True(before.SequenceEqual(after), string.Join("; ", ran));
        // Each command did its work: the comparison covers promoting, rolling back, deploying and refusing.
        Assert.Equal(
            ["status -> 0", "history -> 0", "promote -> 0", "abort -> 1", "deploy --service web=web:3 -> 1", "resume -> 2", "rollback -> 0", "drill -> 2"],
            ran);
    }

    /// <summary>The rollout ended: no hold, and the ledger's release (desired and applied) all on blue.</summary>
    private static async Task AssertAtRestOnBlueAsync(TwoMachines machines)
    {
        Assert.Null(await machines.Ledger.ReadLeaseAsync());
        var release = (await machines.Ledger.ReadReleaseAsync())!;
        Assert.Equal(release.Desired, release.Applied);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), ReleaseMapping.ToConfig("web", release.Applied.Services["web"]).Weights);
    }

    /// <summary>Two minutes pass without a heartbeat from the lost machine: its hold's expiry lies in the past.</summary>
    private static async Task ExpireHoldAsync(TwoMachines machines)
    {
        var now = DateTimeOffset.UtcNow;
        using var client = LocalLedger.Client();
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = LedgerTable.NameFor(machines.Stack),
            Key = new() { [LedgerTable.PartitionKey] = new AttributeValue { S = machines.Stack }, [LedgerTable.SortKey] = new AttributeValue { S = LedgerTable.LeaseItem } },
            UpdateExpression = "SET heartbeatAt = :heartbeat, expiresAt = :expired",
            ExpressionAttributeValues = new()
            {
                [":heartbeat"] = new AttributeValue { S = LedgerTime.Format(now.AddMinutes(-3)) },
                [":expired"] = new AttributeValue { N = now.AddMinutes(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
        });
    }
}
