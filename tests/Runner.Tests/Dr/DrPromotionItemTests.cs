using System.Text.Json.Nodes;
using Infra;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Plan;
using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// Where the promotion lives, against a real ledger (dynalite): failover, fail-back and drills write the ledger's
/// <c>dr</c> item and nothing else, since the global table resolves concurrent writes in two regions last-writer-wins
/// per item; the runner's and the release guard's release writes in the primary region cannot undo it; and a release
/// an older version promoted stays promoted for the program (<c>plan --ledger</c>, as <c>pulumi up</c> reads it).
/// </summary>
public sealed class DrPromotionItemTests
{
    [Fact]
    public async Task Failover_and_failback_write_only_the_dr_item()
    {
        var (stack, ledger, _) = await ReleasedAsync();
        var release = await ledger.ReadReleaseAsync();
        var record = new LedgerDrRecord(ledger);

        await record.RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);
        Assert.Equal(PromotionState.Promoted, await record.ReadPromotionAsync(CancellationToken.None));
        await record.RecordPromotionAsync(PromotionState.NotPromoted, CancellationToken.None);

        Assert.Equal(release, await ledger.ReadReleaseAsync());
        var dr = (await ledger.ReadDrAsync())!;
        Assert.Equal((2, false), (dr.Version, dr.Promoted));
        Assert.StartsWith("infra-runner on ", dr.UpdatedBy);
        Assert.Equal(PromotionState.NotPromoted, await record.ReadPromotionAsync(CancellationToken.None));
        Assert.False(await DeclaresPromotedAsync(stack));
    }

    /// <summary>
    /// Failover records the replica it is about to promote without changing the promotion; every promoted state keeps
    /// the id, and fail-back's "not promoted" clears it. The program reads an item carrying it as before.
    /// </summary>
    [Fact]
    public async Task The_promoted_resource_id_is_recorded_before_the_promotion_kept_while_promoted_and_cleared_by_not_promoted()
    {
        var (stack, ledger, _) = await ReleasedAsync();
        var record = new LedgerDrRecord(ledger);
        async Task<(PromotionState, string?)> ReadAsync() =>
            (await record.ReadPromotionAsync(CancellationToken.None), await record.ReadPromotedResourceIdAsync(CancellationToken.None));

        await record.RecordPromotingAsync("db-REPLICAORIGINAL", CancellationToken.None);
        Assert.Equal((PromotionState.NotPromoted, "db-REPLICAORIGINAL"), await ReadAsync());
        await record.RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);
        Assert.Equal((PromotionState.Promoted, "db-REPLICAORIGINAL"), await ReadAsync());
        Assert.True(await DeclaresPromotedAsync(stack));
        await record.RecordPromotionAsync(PromotionState.SwitchingBack, CancellationToken.None);
        Assert.Equal((PromotionState.SwitchingBack, "db-REPLICAORIGINAL"), await ReadAsync());
        await record.RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);
        Assert.Equal((PromotionState.Promoted, "db-REPLICAORIGINAL"), await ReadAsync());
        await record.RecordPromotionAsync(PromotionState.NotPromoted, CancellationToken.None);

        Assert.Equal((PromotionState.NotPromoted, (string?)null), await ReadAsync());
        Assert.Equal(5, (await ledger.ReadDrAsync())!.Version);
    }

    [Fact]
    public async Task Recording_the_promoted_replica_of_a_stack_an_older_version_promoted_keeps_it_promoted()
    {
        var (_, ledger, _) = await ReleasedAsync(promoted: true);

        await new LedgerDrRecord(ledger).RecordPromotingAsync("db-REPLICAORIGINAL", CancellationToken.None);

        var dr = (await ledger.ReadDrAsync())!;
        Assert.Equal((1, DrPromotion.Promoted, "db-REPLICAORIGINAL"), (dr.Version, dr.Promotion, dr.PromotedResourceId));
    }

    [Fact]
    public async Task A_runner_and_a_guard_release_write_after_failover_leave_the_dr_region_promoted()
    {
        var (stack, ledger, store) = await ReleasedAsync();
        await new LedgerDrRecord(ledger).RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);

        // The runner's rollout path and the guard's rollback write the release item in the primary region.
        await store.ChangeDesiredAsync(desired => desired.With("web", desired.Services["web"] with { Running = new(true, true) }), CancellationToken.None);
        var current = (await ledger.ReadReleaseAsync())!;
        await ledger.WriteReleaseAsync(current.Version, current.Desired, current.Applied, "release-guard (alarm web-5xx)");

        Assert.False((await ledger.ReadReleaseAsync())!.Applied.DrPromoted);
        Assert.Equal(PromotionState.Promoted, await new LedgerDrRecord(ledger).ReadPromotionAsync(CancellationToken.None));
        Assert.True(await DeclaresPromotedAsync(stack));
    }

    [Fact]
    public async Task A_release_document_an_older_version_promoted_reads_promoted_while_no_dr_item_exists()
    {
        var (stack, ledger, store) = await ReleasedAsync(promoted: true);
        Assert.Null(await ledger.ReadDrAsync());

        Assert.Equal(PromotionState.Promoted, await new LedgerDrRecord(ledger).ReadPromotionAsync(CancellationToken.None));
        Assert.True(await DeclaresPromotedAsync(stack));
        // The runner's writes carry the older promotion over instead of dropping it.
        await store.ChangeDesiredAsync(desired => desired, CancellationToken.None);
        Assert.True((await ledger.ReadReleaseAsync())!.Desired.DrPromoted);
        Assert.True(await DeclaresPromotedAsync(stack));
    }

    [Fact]
    public async Task A_failover_before_the_first_release_is_declared_with_the_stack_files_release()
    {
        var stack = await LocalLedger.NewStackAsync("drfirst");
        await new LedgerDrRecord(LocalLedger.Ledger(stack)).RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);

        Assert.Null(await LocalLedger.Ledger(stack).ReadReleaseAsync());
        Assert.True(await DeclaresPromotedAsync(stack));
    }

    /// <summary>
    /// The mark failover writes before the dr item says promoted: older code refuses the release documents (an unknown root
    /// key), while the program today still plans from them, the runner's writes (also one whose applied state comes from a
    /// read before the mark) and the guard's keep it, and fail-back clears it after the dr item says not promoted.
    /// </summary>
    [Fact]
    public async Task The_release_mark_stays_through_runner_and_guard_writes_and_the_program_still_plans_from_it()
    {
        var (stack, ledger, store) = await ReleasedAsync();
        var record = new LedgerDrRecord(ledger);
        await record.MarkReleasePromotedAsync(true, CancellationToken.None);
        await record.RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);

        await store.ChangeDesiredAsync(desired => desired.With("web", desired.Services["web"] with { Running = new(true, true) }), CancellationToken.None);
        // An update that read the release before a guard write: applied is what it read, the mark is what the item holds.
        await store.UpdateAsync(async () =>
        {
            var current = (await ledger.ReadReleaseAsync())!;
            await ledger.WriteReleaseAsync(current.Version, current.Desired, current.Applied, "release-guard (alarm web-5xx)");
        }, CancellationToken.None);

        var marked = (await ledger.ReadReleaseAsync())!;
        Assert.Equal((true, true, new ColorPair<bool>(true, true)), (marked.Desired.DrPromotedPerDrItem, marked.Applied.DrPromotedPerDrItem, marked.Applied.Services["web"].Running));
        Assert.True(await record.ReadReleaseMarkedAsync(CancellationToken.None));
        Assert.True(await DeclaresPromotedAsync(stack));

        await record.RecordPromotionAsync(PromotionState.NotPromoted, CancellationToken.None);
        await record.MarkReleasePromotedAsync(false, CancellationToken.None);

        var cleared = (await ledger.ReadReleaseAsync())!;
        Assert.Equal(marked with { Version = cleared.Version, Desired = marked.Desired with { DrPromotedPerDrItem = false },
            Applied = marked.Applied with { DrPromotedPerDrItem = false }, UpdatedAt = cleared.UpdatedAt, UpdatedBy = cleared.UpdatedBy }, cleared);
        Assert.False(await DeclaresPromotedAsync(stack));
    }

    /// <summary>A failover before the first release leaves a release item that holds only the mark; the runner and the program seed every service from the stack file.</summary>
    [Fact]
    public async Task A_release_item_that_holds_only_the_mark_is_read_as_the_stack_files_seed()
    {
        var stack = await LocalLedger.NewStackAsync("drmark");
        var ledger = LocalLedger.Ledger(stack);
        var seed = ReleaseMapping.Seed(StackSettingsLoader.FromFile(RepoFiles.StackFile("staging")).GetValidOrThrow());
        await new LedgerDrRecord(ledger).MarkReleasePromotedAsync(true, CancellationToken.None);
        await new LedgerDrRecord(ledger).RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);

        var (version, desired, applied) = await new ReleaseStore(ledger, seed).ReadAsync(CancellationToken.None);

        Assert.Equal((1L, seed with { DrPromotedPerDrItem = true }, seed with { DrPromotedPerDrItem = true }), (version, desired, applied));
        Assert.True(await DeclaresPromotedAsync(stack));
    }

    /// <summary>A release item nothing can read stops older code as well as the mark would; it must not stop a failover.</summary>
    [Fact]
    public async Task A_release_item_no_version_can_read_is_left_as_it_is_and_does_not_stop_the_mark_step()
    {
        var stack = await UnreadableReleaseAsync("drbad");
        var record = new LedgerDrRecord(LocalLedger.Ledger(stack));

        Assert.Equal(
            $"left as it is: no version of the runner or the program can read the release item (release ledger {LedgerTable.NameFor(stack)}, item release, " +
            "attribute desired: release state $.services: missing; expected an object of services by name), older code included",
            await record.MarkReleasePromotedAsync(true, CancellationToken.None));
        Assert.False(await record.ReadReleaseMarkedAsync(CancellationToken.None));
    }

    /// <summary>Failover scales the colors the ledger's release routes to; one it cannot read leaves both colors of every service scaled, never no failover.</summary>
    [Fact]
    public async Task A_release_item_no_version_can_read_makes_failover_scale_both_colors_and_stops_fail_back()
    {
        var stack = await UnreadableReleaseAsync("drcolors");
        var ledger = LocalLedger.Ledger(stack);
        var settings = StackSettingsLoader.FromFile(RepoFiles.StackFile("production")).GetValidOrThrow();
        using var logger = new Serilog.LoggerConfiguration().CreateLogger();

        var failover = await Infra.Runner.Commands.DrCommands.DeclaredAsync(settings, ledger, disaster: true, logger, CancellationToken.None);

        Assert.All(failover.Services, s => Assert.Equal(new ColorPair<int>(50, 50), s.Weights));
        Assert.True(failover.Dr.Promote);
        await Assert.ThrowsAsync<Infra.Ledger.LedgerFormatException>(() =>
            Infra.Runner.Commands.DrCommands.DeclaredAsync(settings, ledger, disaster: false, logger, CancellationToken.None));
    }

    /// <summary>A stack whose release item says <c>{}</c> in both documents, as a hand edit might leave it.</summary>
    private static async Task<string> UnreadableReleaseAsync(string name)
    {
        var stack = await LocalLedger.NewStackAsync(name);
        using var client = LocalLedger.Client();
        await client.PutItemAsync(new Amazon.DynamoDBv2.Model.PutItemRequest
        {
            TableName = LedgerTable.NameFor(stack),
            Item = new()
            {
                [LedgerTable.PartitionKey] = new() { S = stack },
                [LedgerTable.SortKey] = new() { S = LedgerTable.ReleaseItem },
                ["version"] = new() { N = "1" },
                ["desired"] = new() { S = "{}" },
                ["applied"] = new() { S = "{}" },
                ["updatedAt"] = new() { S = "2026-03-01T12:00:00.0000000Z" },
                ["updatedBy"] = new() { S = "someone by hand" },
            },
        });
        return stack;
    }

    private static async Task<(string Stack, Infra.Ledger.ReleaseLedger Ledger, ReleaseStore Store)> ReleasedAsync(bool promoted = false)
    {
        var stack = await LocalLedger.NewStackAsync("dritem");
        var ledger = LocalLedger.Ledger(stack);
        var seed = ReleaseMapping.Seed(StackSettingsLoader.FromFile(RepoFiles.StackFile("staging")).GetValidOrThrow()) with { DrPromoted = promoted };
        await ledger.WriteReleaseAsync(0, seed, seed, promoted ? "infra-runner on an older version" : "infra-runner on ci");
        return (stack, ledger, new ReleaseStore(ledger, seed));
    }

    /// <summary>Whether <c>plan --ledger</c> declares the DR database promoted: no instance left replicating another.</summary>
    private static async Task<bool> DeclaresPromotedAsync(string stack)
    {
        var plan = await PlanBuilder.BuildAsync(RepoFiles.StackFile("staging"), stack, new LedgerReleaseSource());
        var instances = plan.Document["resources"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => (string)r["type"]! == "aws:rds/instance:Instance").ToList();
        Assert.True(instances.Count >= 2, "staging declares a primary and a DR database");
        return !instances.Any(r => r["inputs"]?["replicateSourceDb"] is JsonNode);
    }
}
