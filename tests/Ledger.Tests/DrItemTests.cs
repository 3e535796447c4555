using Amazon.DynamoDBv2.Model;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Ledger.Tests;

/// <summary>
/// The DR promotion's own item: versioned and written by compare-and-swap like the release, and independent of it, since
/// the global table resolves concurrent writes in two regions last-writer-wins per item.
/// </summary>
[Collection(LedgerServerCollection.Name)]
public class DrItemTests(LedgerServerFixture server)
{
    private static ReleaseState Web(string image) => ReleaseState.Empty.With("web",
        new ServiceRelease(Color.Blue, new ColorPair<int>(100, 0), new ColorPair<string?>(image, null), new ColorPair<bool>(true, false)));

    [Fact]
    public async Task A_stack_without_a_dr_item_reads_null_and_the_first_write_is_version_1_without_a_release_written()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "ci", time);

        Assert.Null(await ledger.ReadDrAsync());
        var written = await ledger.WriteDrAsync(0, DrPromotion.Promoted, "infra-runner on dr-host");

        var reader = LedgerServerFixture.Machine(stack, "laptop", time);
        Assert.Equal(new DrRecord(1, DrPromotion.Promoted, time.GetUtcNow(), "infra-runner on dr-host"), await reader.ReadDrAsync());
        Assert.Equal(written, await reader.ReadDrAsync());
        Assert.Null(await reader.ReadReleaseAsync());
        Assert.True(await reader.ReadDrPromotedAsync());
    }

    [Fact]
    public async Task Of_two_dr_writers_of_the_same_version_exactly_one_wins_and_the_other_is_told_both_versions()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        await LedgerServerFixture.Machine(stack, "a", time).WriteDrAsync(0, DrPromotion.Promoted, "failover");

        var outcomes = await Task.WhenAll(new[] { "failback", "drill" }.Select(async who =>
        {
            try
            {
                return (Record: (DrRecord?)await LedgerServerFixture.Machine(stack, who, time).WriteDrAsync(1, who == "drill" ? DrPromotion.Promoted : DrPromotion.NotPromoted, who), Error: (Exception?)null);
            }
            catch (DrVersionConflictException e)
            {
                return (Record: (DrRecord?)null, Error: (Exception?)e);
            }
        }));

        var won = Assert.Single(outcomes, o => o.Record is not null).Record!;
        var lost = Assert.IsType<DrVersionConflictException>(Assert.Single(outcomes, o => o.Error is not null).Error);
        Assert.Equal(
            $"stack {stack}: the DR promotion changed while this command ran: expected version 1, the ledger holds version 2; nothing was written: " +
            "another failover, fail-back or drill is running on this stack, let it finish and read the promotion again",
            lost.Message);
        Assert.Equal((1, 2), (lost.ExpectedVersion, lost.ActualVersion));
        Assert.Equal(won, await LedgerServerFixture.Machine(stack, "reader", time).ReadDrAsync());
    }

    [Fact]
    public async Task A_first_dr_write_when_one_exists_is_refused()
    {
        var stack = await server.NewStackAsync();
        var ledger = LedgerServerFixture.Machine(stack, "a", LedgerServerFixture.Clock());
        await ledger.WriteDrAsync(0, DrPromotion.Promoted, "failover");

        var e = await Assert.ThrowsAsync<DrVersionConflictException>(() => ledger.WriteDrAsync(0, DrPromotion.NotPromoted, "failback"));

        Assert.Equal((0, 1), (e.ExpectedVersion, e.ActualVersion));
        Assert.True((await ledger.ReadDrAsync())!.Promoted);
    }

    [Fact]
    public async Task A_release_written_after_the_promotion_leaves_it_and_a_promotion_written_after_a_release_leaves_the_release()
    {
        var stack = await server.NewStackAsync();
        var ledger = LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock());
        var release = await ledger.WriteReleaseAsync(0, Web("web:1"), Web("web:1"), "infra-runner on ci");

        await ledger.WriteDrAsync(0, DrPromotion.Promoted, "infra-runner on dr-host");
        // What the runner or the release guard writes in the primary region: a release that knows nothing of the promotion.
        await ledger.WriteReleaseAsync(1, Web("web:2"), Web("web:1"), "release-guard (alarm)");

        Assert.True(await ledger.ReadDrPromotedAsync());
        Assert.False((await ledger.ReadReleaseAsync())!.Desired.DrPromoted);
        Assert.Equal(release.Version + 1, (await ledger.ReadReleaseAsync())!.Version);
    }

    [Fact]
    public async Task A_release_an_older_version_promoted_reads_promoted_until_a_dr_item_says_otherwise()
    {
        var stack = await server.NewStackAsync();
        var ledger = LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock());
        var promoted = Web("web:1") with { DrPromoted = true };
        await ledger.WriteReleaseAsync(0, promoted, promoted, "infra-runner on an older version");

        Assert.True(await ledger.ReadDrPromotedAsync());
        await ledger.WriteDrAsync(0, DrPromotion.NotPromoted, "infra-runner failback");

        Assert.False(await ledger.ReadDrPromotedAsync());
        Assert.True((await ledger.ReadReleaseAsync())!.Applied.DrPromoted);
    }

    [Fact]
    public async Task Switching_back_is_kept_as_promoted_with_its_own_attribute_which_the_next_write_drops()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "dr-host", time);
        await ledger.WriteDrAsync(0, DrPromotion.Promoted, "failover");

        var switching = await ledger.WriteDrAsync(1, DrPromotion.SwitchingBack, "failback");

        Assert.Equal(new DrRecord(2, DrPromotion.SwitchingBack, time.GetUtcNow(), "failback"), await ledger.ReadDrAsync());
        Assert.True(switching.Promoted);
        Assert.Equal(DrPromotion.SwitchingBack, await ledger.ReadDrPromotionAsync());
        Assert.True(await ledger.ReadDrPromotedAsync());
        var item = await RawAsync(stack);
        Assert.Equal((true, true), (item["promoted"].BOOL, item["switchingBack"].BOOL));

        await ledger.WriteDrAsync(2, DrPromotion.Promoted, "failback undo");

        Assert.Equal(DrPromotion.Promoted, await ledger.ReadDrPromotionAsync());
        Assert.False((await RawAsync(stack)).ContainsKey("switchingBack"));
    }

    [Fact]
    public async Task A_dr_item_switching_back_without_being_promoted_is_refused_naming_table_item_and_attribute()
    {
        var stack = await server.NewStackAsync();
        await PutRawAsync(stack, new AttributeValue { BOOL = false }, new AttributeValue { BOOL = true });

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadDrAsync());

        Assert.Equal($"release ledger {LedgerTable.NameFor(stack)}, item dr, attribute switchingBack: expected true only with promoted: true, found BOOL true", e.Message);
    }

    [Fact]
    public async Task A_dr_item_whose_switching_back_is_not_a_boolean_is_refused_naming_table_item_and_attribute()
    {
        var stack = await server.NewStackAsync();
        await PutRawAsync(stack, new AttributeValue { BOOL = true }, new AttributeValue { S = "since 12:00" });

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadDrAsync());

        Assert.Equal($"release ledger {LedgerTable.NameFor(stack)}, item dr, attribute switchingBack: expected true or false (BOOL), found S \"since 12:00\"", e.Message);
    }

    [Fact]
    public async Task A_dr_item_whose_promotion_is_not_a_boolean_is_refused_naming_table_item_and_attribute()
    {
        var stack = await server.NewStackAsync();
        await PutRawAsync(stack, new AttributeValue { S = "yes" }, switchingBack: null);

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadDrAsync());

        Assert.Equal($"release ledger {LedgerTable.NameFor(stack)}, item dr, attribute promoted: expected true or false (BOOL), found S \"yes\"", e.Message);
    }

    [Fact]
    public async Task A_dr_item_an_earlier_version_wrote_without_the_switching_back_attribute_reads_promoted()
    {
        var stack = await server.NewStackAsync();
        await PutRawAsync(stack, new AttributeValue { BOOL = true }, switchingBack: null);

        Assert.Equal(DrPromotion.Promoted, await LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadDrPromotionAsync());
    }

    private static async Task<Dictionary<string, AttributeValue>> RawAsync(string stack)
    {
        using var client = LedgerServerFixture.Client();
        var key = new Dictionary<string, AttributeValue>
        {
            [LedgerTable.PartitionKey] = new AttributeValue { S = stack },
            [LedgerTable.SortKey] = new AttributeValue { S = LedgerTable.DrItem },
        };
        return (await client.GetItemAsync(new GetItemRequest { TableName = LedgerTable.NameFor(stack), Key = key, ConsistentRead = true })).Item;
    }

    /// <summary>A <c>dr</c> item as another writer (or a hand edit) could leave it; <paramref name="switchingBack"/> null: without the attribute.</summary>
    private static async Task PutRawAsync(string stack, AttributeValue promoted, AttributeValue? switchingBack)
    {
        using var client = LedgerServerFixture.Client();
        var item = new Dictionary<string, AttributeValue>
        {
            [LedgerTable.PartitionKey] = new AttributeValue { S = stack },
            [LedgerTable.SortKey] = new AttributeValue { S = LedgerTable.DrItem },
            ["version"] = new AttributeValue { N = "1" },
            ["promoted"] = promoted,
            ["updatedAt"] = new AttributeValue { S = "2026-03-01T12:00:00.0000000Z" },
            ["updatedBy"] = new AttributeValue { S = "ci" },
        };
        if (switchingBack is not null) item["switchingBack"] = switchingBack;
        await client.PutItemAsync(new PutItemRequest { TableName = LedgerTable.NameFor(stack), Item = item });
    }
}
