using Amazon.DynamoDBv2;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Ledger.Tests;

/// <summary>
/// A conditional write whose answer is lost after it landed is retried by the SDK, and the retry fails its own
/// condition. The ledger recognises its own write instead of reporting another writer (release) or another holder (lease).
/// </summary>
[Collection(LedgerServerCollection.Name)]
public class LostAnswerTests(LedgerServerFixture server)
{
    private static readonly LeaseProgress Deploying = new("deploying", 0, ["web"], "{}", TimeSpan.FromMinutes(1));

    private static ReleaseState Web(string image) => ReleaseState.Empty.With("web",
        new ServiceRelease(Color.Blue, new ColorPair<int>(100, 0), new ColorPair<string?>(image, null), new ColorPair<bool>(true, false)));

    [Fact]
    public async Task A_release_write_retried_after_it_landed_is_this_writers_and_the_next_write_goes_on_from_it()
    {
        var stack = await server.NewStackAsync();
        await using var proxy = new LostAnswerProxy(server.Endpoint, "PutItem");
        var ledger = Through(proxy, stack);

        var written = await ledger.WriteReleaseAsync(0, Web("web:2"), Web("web:1"), "runner on ci");

        Assert.Equal(2, proxy.Calls);
        Assert.Equal(written, await LedgerServerFixture.Machine(stack, "laptop", LedgerServerFixture.Clock()).ReadReleaseAsync());
        Assert.Equal(2, (await ledger.WriteReleaseAsync(1, Web("web:3"), Web("web:2"), "runner on ci")).Version);
    }

    [Fact]
    public async Task A_dr_write_retried_after_it_landed_is_this_writers()
    {
        var stack = await server.NewStackAsync();
        await using var proxy = new LostAnswerProxy(server.Endpoint, "PutItem");

        var written = await Through(proxy, stack).WriteDrAsync(0, DrPromotion.SwitchingBack, "infra-runner on ci");

        Assert.Equal(2, proxy.Calls);
        Assert.Equal(written, await LedgerServerFixture.Machine(stack, "laptop", LedgerServerFixture.Clock()).ReadDrAsync());
    }

    [Fact]
    public async Task A_release_mark_retried_after_it_landed_is_this_writers()
    {
        var stack = await server.NewStackAsync();
        await LedgerServerFixture.Machine(stack, "laptop", LedgerServerFixture.Clock()).WriteReleaseAsync(0, Web("web:1"), Web("web:1"), "runner on laptop");
        await using var proxy = new LostAnswerProxy(server.Endpoint, "PutItem");

        var marked = await Through(proxy, stack).MarkReleasePromotedAsync(true, "infra-runner on ci");

        Assert.Equal(2, proxy.Calls);
        Assert.Equal((2, true, true), (marked!.Version, marked.Desired.DrPromotedPerDrItem, marked.Applied.DrPromotedPerDrItem));
        Assert.Equal(marked, await LedgerServerFixture.Machine(stack, "laptop", LedgerServerFixture.Clock()).ReadReleaseAsync());
    }

    [Fact]
    public async Task A_lost_answer_is_not_mistaken_for_a_write_of_the_same_version_by_another_writer()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        await LedgerServerFixture.Machine(stack, "laptop", time).WriteReleaseAsync(0, Web("web:2"), Web("web:1"), "runner on laptop");
        await using var proxy = new LostAnswerProxy(server.Endpoint, "PutItem");

        var conflict = await Assert.ThrowsAsync<ReleaseVersionConflictException>(
            () => Through(proxy, stack).WriteReleaseAsync(0, Web("web:2"), Web("web:1"), "runner on ci"));

        Assert.Contains("expected version 0, the ledger holds version 1", conflict.Message);
    }

    [Fact]
    public async Task A_lease_taken_by_a_retried_write_is_this_runners_and_an_end_whose_answer_was_lost_reports_the_lease_gone()
    {
        var stack = await server.NewStackAsync();
        await using var taking = new LostAnswerProxy(server.Endpoint, "PutItem");

        var lease = await Through(taking, stack).AcquireLeaseAsync("r-1", Deploying);

        Assert.Equal(2, taking.Calls);
        Assert.Equal(lease, await LedgerServerFixture.Machine(stack, "laptop", LedgerServerFixture.Clock()).ReadLeaseAsync());
        await using var ending = new LostAnswerProxy(server.Endpoint, "DeleteItem");
        // Ended, but the runner cannot tell its own delete from another's, so it says the lease is gone (nobody holds it).
        var gone = await Assert.ThrowsAsync<LeaseLostException>(() => Through(ending, stack).ReleaseLeaseAsync(lease.Token));
        Assert.Null(gone.Current);
        Assert.Equal(2, ending.Calls);
        Assert.Null(await LedgerServerFixture.Machine(stack, "laptop", LedgerServerFixture.Clock()).ReadLeaseAsync());
    }

    private static ReleaseLedger Through(LostAnswerProxy proxy, string stack) => new(
        new AmazonDynamoDBClient(LedgerServerFixture.Credentials,
            new AmazonDynamoDBConfig { ServiceURL = proxy.Endpoint, AuthenticationRegion = LedgerServerFixture.Region }),
        stack, new LeaseOwner("ci", 1, null), LedgerServerFixture.Clock());
}
