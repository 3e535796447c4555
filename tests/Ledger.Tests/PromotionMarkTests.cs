using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Ledger.Tests;

/// <summary>
/// The release documents' promotion mark (<c>drPromotedPerDrItem</c>), which failover sets and fail-back clears so that
/// code older than the <c>dr</c> item stops on the release instead of reading it as unpromoted: it changes only the mark,
/// writes nothing when the mark already says it, and is retried over the runner's and the guard's release writes.
/// </summary>
[Collection(LedgerServerCollection.Name)]
public class PromotionMarkTests(LedgerServerFixture server)
{
    private static ReleaseState Web(string image) => ReleaseState.Empty.With("web",
        new ServiceRelease(Color.Blue, new ColorPair<int>(100, 0), new ColorPair<string?>(image, null), new ColorPair<bool>(true, false)));

    [Fact]
    public async Task Marking_changes_only_the_mark_of_both_documents_and_a_second_mark_or_clear_writes_nothing()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "ci", time);
        await ledger.WriteReleaseAsync(0, Web("web:2"), Web("web:1"), "infra-runner on ci");

        var marked = await ledger.MarkReleasePromotedAsync(true, "infra-runner on dr-host");

        var expected = new ReleaseRecord(2, Web("web:2") with { DrPromotedPerDrItem = true }, Web("web:1") with { DrPromotedPerDrItem = true },
            time.GetUtcNow(), "infra-runner on dr-host");
        Assert.Equal(expected, marked);
        Assert.Equal(expected, await LedgerServerFixture.Machine(stack, "laptop", time).ReadReleaseAsync());
        Assert.True(await ledger.ReadReleaseMarkedAsync());
        Assert.False(await ledger.ReadDrPromotedAsync());
        Assert.Equal(expected, await ledger.MarkReleasePromotedAsync(true, "infra-runner on dr-host again"));

        var cleared = await ledger.MarkReleasePromotedAsync(false, "infra-runner on primary-host");

        Assert.Equal(new ReleaseRecord(3, Web("web:2"), Web("web:1"), time.GetUtcNow(), "infra-runner on primary-host"), cleared);
        Assert.False(await ledger.ReadReleaseMarkedAsync());
        Assert.Equal(cleared, await ledger.MarkReleasePromotedAsync(false, "infra-runner on primary-host again"));
    }

    /// <summary>
    /// Older code without a release item seeds from the stack file, which says not promoted; a release item holding only
    /// the mark stops it. Today's readers take a release without services as the stack file's seed, as before.
    /// </summary>
    [Fact]
    public async Task Without_a_release_marking_writes_one_without_services_and_clearing_writes_nothing()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "ci", time);

        Assert.Null(await ledger.MarkReleasePromotedAsync(false, "infra-runner on ci"));
        Assert.Null(await ledger.ReadReleaseAsync());
        Assert.False(await ledger.ReadReleaseMarkedAsync());

        var marked = await ledger.MarkReleasePromotedAsync(true, "infra-runner on dr-host");

        var empty = ReleaseState.Empty with { DrPromotedPerDrItem = true };
        Assert.Equal(new ReleaseRecord(1, empty, empty, time.GetUtcNow(), "infra-runner on dr-host"), marked);
        Assert.Equal(marked, await ledger.ReadReleaseAsync());
        var item = await ReadItemAsync(stack);
        Assert.Equal("""{"services":{},"drPromotedPerDrItem":true}""", item["desired"].S);
        Assert.Equal("""{"services":{},"drPromotedPerDrItem":true}""", item["applied"].S);
    }

    [Fact]
    public async Task A_mark_that_loses_to_another_release_write_is_retried_on_top_of_it()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var guard = LedgerServerFixture.Machine(stack, "guard", time);
        await guard.WriteReleaseAsync(0, Web("web:2"), Web("web:1"), "infra-runner on ci");
        var client = (AmazonServiceClient)LedgerServerFixture.Client();
        var interfered = false;
        // Between the mark's read and its write, the release guard rolls back (its own compare-and-swap lands first).
        client.BeforeRequestEvent += (_, e) =>
        {
            if (interfered || e is not WebServiceRequestEventArgs { Request: PutItemRequest }) return;
            interfered = true;
            guard.WriteReleaseAsync(1, Web("web:1"), Web("web:1"), "release-guard (alarm web-5xx)").GetAwaiter().GetResult();
        };
        var ledger = new ReleaseLedger((Amazon.DynamoDBv2.IAmazonDynamoDB)client, stack, new LeaseOwner("dr-host", 1, null), time);

        var marked = await ledger.MarkReleasePromotedAsync(true, "infra-runner on dr-host");

        Assert.True(interfered);
        Assert.Equal(new ReleaseRecord(3, Web("web:1") with { DrPromotedPerDrItem = true }, Web("web:1") with { DrPromotedPerDrItem = true },
            time.GetUtcNow(), "infra-runner on dr-host"), marked);
        Assert.Equal(marked, await guard.ReadReleaseAsync());
    }

    private static async Task<Dictionary<string, AttributeValue>> ReadItemAsync(string stack)
    {
        using var client = LedgerServerFixture.Client();
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = LedgerTable.NameFor(stack),
            Key = new() { [LedgerTable.PartitionKey] = new AttributeValue { S = stack }, [LedgerTable.SortKey] = new AttributeValue { S = LedgerTable.ReleaseItem } },
            ConsistentRead = true,
        });
        return response.Item;
    }
}
