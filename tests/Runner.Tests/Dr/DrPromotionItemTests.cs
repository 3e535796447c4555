using System.Text.Json.Nodes;
using Infra;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Plan;
using Infra.Stacks.Loading;
using Infra.Stacks.Release;
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
