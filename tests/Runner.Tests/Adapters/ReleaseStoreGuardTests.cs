using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>
/// The release guard's contract (components/assets/release-guard/README.md, "What it does"): the guard writes the release item (traffic back on the live color, in desired and
/// applied) while a runner is between its read and its write. The runner re-reads and writes on the guard's version,
/// keeping the guard's state; a write lost to anyone else is still "another runner".
/// </summary>
public class ReleaseStoreGuardTests
{
    private static readonly ServiceRelease Split = new(Color.Blue, new ColorPair<int>(50, 50), new ColorPair<string?>("web:1", "web:2"), new ColorPair<bool>(true, true));
    private static readonly ServiceRelease Back = Split with { Weights = new ColorPair<int>(100, 0) };

    [Fact]
    public async Task An_update_that_finishes_after_the_guard_wrote_records_what_it_declared_as_applied_and_keeps_the_guard_s_desired_state()
    {
        var (ledger, store) = await StoreAsync();
        await ledger.WriteReleaseAsync(0, State(Split), State(Split), "infra-runner on ci (pid 1)");

        await store.UpdateAsync(() => ledger.WriteReleaseAsync(1, State(Back), State(Back), "release-guard (alarm web-green-5xx)"), CancellationToken.None);

        var release = await ledger.ReadReleaseAsync();
        Assert.Equal(3, release!.Version);
        Assert.Equal(State(Back), release.Desired);
        Assert.Equal(State(Split), release.Applied);
        Assert.StartsWith("infra-runner on ", release.UpdatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traffic_recorded_as_applied_after_a_direct_switch_sets_desired_and_applied_in_one_write()
    {
        var (ledger, _) = await StoreAsync();
        await ledger.WriteReleaseAsync(0, State(Split), State(Split), "infra-runner on ci (pid 1)");
        var operations = new LedgerStackOperations(null!, ledger, State(Split), null!, null!);

        await operations.RecordTrafficAppliedAsync([("web", DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue))], CancellationToken.None);

        var release = await ledger.ReadReleaseAsync();
        Assert.Equal((2L, State(Back), State(Back)), (release!.Version, release.Desired, release.Applied));
    }

    [Fact]
    public async Task A_write_lost_to_another_runner_is_not_retried()
    {
        var (ledger, store) = await StoreAsync();
        await ledger.WriteReleaseAsync(0, State(Split), State(Split), "infra-runner on ci (pid 1)");

        var error = await Assert.ThrowsAsync<RolloutLeaseException>(() =>
            store.UpdateAsync(() => ledger.WriteReleaseAsync(1, State(Back), State(Back), "infra-runner on laptop (pid 7)"), CancellationToken.None));

        Assert.EndsWith(": another runner is changing this stack", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await ledger.ReadReleaseAsync())!.Version);
    }

    private static async Task<(ReleaseLedger Ledger, ReleaseStore Store)> StoreAsync()
    {
        var ledger = LocalLedger.Ledger(await LocalLedger.NewStackAsync("guard"));
        return (ledger, new ReleaseStore(ledger, State(Split)));
    }

    private static ReleaseState State(ServiceRelease web) => ReleaseState.Empty.With("web", web);
}
