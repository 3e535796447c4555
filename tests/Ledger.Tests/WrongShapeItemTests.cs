using Amazon.DynamoDBv2.Model;
using Infra.Stacks.Release;

namespace Infra.Ledger.Tests;

/// <summary>Items written by something else (an older runner, a hand edit) are refused with the key and attribute.</summary>
[Collection(LedgerServerCollection.Name)]
public class WrongShapeItemTests(LedgerServerFixture server)
{
    private const string ValidState = """{"services":{}}""";

    private static Dictionary<string, AttributeValue> ReleaseItem(string stack) => new()
    {
        [LedgerTable.PartitionKey] = new AttributeValue { S = stack },
        [LedgerTable.SortKey] = new AttributeValue { S = LedgerTable.ReleaseItem },
        ["version"] = new AttributeValue { N = "3" },
        ["desired"] = new AttributeValue { S = ValidState },
        ["applied"] = new AttributeValue { S = ValidState },
        ["updatedAt"] = new AttributeValue { S = "2026-03-01T12:00:00.0000000Z" },
        ["updatedBy"] = new AttributeValue { S = "ci" },
    };

    [Fact]
    public async Task A_well_formed_item_written_by_hand_reads()
    {
        var stack = await server.NewStackAsync();
        await Put(stack, ReleaseItem(stack));

        var record = await LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadReleaseAsync();

        Assert.Equal(3, record!.Version);
    }

    [Theory]
    [InlineData("version", "S", "three", "version", "expected a whole number (N), found S \"three\"")]
    [InlineData("updatedAt", "S", "yesterday", "updatedAt", "expected an ISO-8601 UTC time (S), e.g. 2026-01-31T12:00:00.0000000Z, found S \"yesterday\"")]
    [InlineData("updatedBy", "N", "7", "updatedBy", "expected a string (S), found N 7")]
    [InlineData("desired", "S", """{"services":{"web":{"liveColor":"red"}}}""", "desired",
        "release state $.services.web.weights: missing; expected an object with integer weights blue and green that sum to 100")]
    [InlineData("applied", "S", "not json", "applied", null)]
    public async Task A_release_attribute_of_the_wrong_shape_is_refused_naming_table_item_and_attribute(
        string name, string type, string value, string attribute, string? detail)
    {
        var stack = await server.NewStackAsync();
        var item = ReleaseItem(stack);
        item[name] = type == "N" ? new AttributeValue { N = value } : new AttributeValue { S = value };
        await Put(stack, item);

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadReleaseAsync());

        Assert.Equal((LedgerTable.ReleaseItem, attribute), (e.ItemKey, e.Attribute));
        var prefix = $"release ledger {LedgerTable.NameFor(stack)}, item release, attribute {attribute}: ";
        if (detail is null) Assert.StartsWith(prefix + "release state $: not valid JSON (", e.Message);
        else Assert.Equal(prefix + detail, e.Message);
    }

    [Fact]
    public async Task A_missing_release_attribute_is_refused()
    {
        var stack = await server.NewStackAsync();
        var item = ReleaseItem(stack);
        item.Remove("applied");
        await Put(stack, item);

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadReleaseAsync());

        Assert.Equal($"release ledger {LedgerTable.NameFor(stack)}, item release, attribute applied: expected it to be present, found nothing", e.Message);
    }

    [Fact]
    public async Task A_lease_with_an_unknown_control_action_is_refused_and_a_wrong_shape_never_blocks_a_write_of_the_release()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "ci", time);
        await ledger.AcquireLeaseAsync("r-1", new LeaseProgress("shifting", 1, ["web"], "{}", TimeSpan.FromMinutes(1)));
        await ledger.RequestControlAsync(ControlAction.Abort, "alice");
        using var client = LedgerServerFixture.Client();
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = LedgerTable.NameFor(stack),
            Key = new() { [LedgerTable.PartitionKey] = new AttributeValue { S = stack }, [LedgerTable.SortKey] = new AttributeValue { S = LedgerTable.LeaseItem } },
            UpdateExpression = "SET controlAction = :pause, services = :services",
            ExpressionAttributeValues = new() { [":pause"] = new AttributeValue { S = "pause" }, [":services"] = new AttributeValue { L = [new AttributeValue { S = "web" }] } },
        });

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => ledger.ReadLeaseAsync());

        Assert.Equal($"release ledger {LedgerTable.NameFor(stack)}, item lease, attribute controlAction: expected abort | promote | promote-full | rollback, found S \"pause\"", e.Message);
        await ledger.WriteReleaseAsync(0, ReleaseState.Empty, ReleaseState.Empty, "ci");
    }

    [Fact]
    public async Task A_journal_event_whose_data_is_not_json_is_refused()
    {
        var stack = await server.NewStackAsync();
        await Put(stack, new()
        {
            [LedgerTable.PartitionKey] = new AttributeValue { S = stack },
            [LedgerTable.SortKey] = new AttributeValue { S = "event#2026-03-01T12:00:00.0000000Z#0000" },
            ["at"] = new AttributeValue { S = "2026-03-01T12:00:00.0000000Z" },
            ["kind"] = new AttributeValue { S = "step" },
            ["data"] = new AttributeValue { S = "{truncated" },
        });

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock()).ReadEventsAsync());

        Assert.Equal($"release ledger {LedgerTable.NameFor(stack)}, item event#2026-03-01T12:00:00.0000000Z#0000, attribute data: expected a JSON document (S), found S \"{{truncated\"", e.Message);
    }

    private static async Task Put(string stack, Dictionary<string, AttributeValue> item)
    {
        using var client = LedgerServerFixture.Client();
        await client.PutItemAsync(new PutItemRequest { TableName = LedgerTable.NameFor(stack), Item = item });
    }
}
