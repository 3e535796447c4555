using Amazon.DynamoDBv2.Model;
using Infra.Stacks.Release;

namespace Infra.Ledger.Tests;

/// <summary>
/// The release guard's marks on the lease (contract A of components/assets/release-guard/README.md), written as the guard writes them (UpdateItem, never
/// PutItem) and read by the runner's ledger; the runner's own writes keep them.
/// </summary>
[Collection(LedgerServerCollection.Name)]
public class GuardMarkTests(LedgerServerFixture server)
{
    private static readonly LeaseProgress Shifting = new("Shifting", 1, ["web"], """{"id":"r-1"}""", TimeSpan.FromMinutes(2));

    [Fact]
    public async Task A_lease_without_the_guard_s_attributes_has_no_guard_mark()
    {
        var stack = await server.NewStackAsync();
        var runner = LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock());
        await runner.AcquireLeaseAsync("r-1", Shifting);

        Assert.Null((await runner.ReadLeaseAsync())!.Guard);
    }

    [Fact]
    public async Task The_guard_s_claim_then_flip_is_read_with_its_rollback_request_and_a_renew_keeps_both()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var runner = LedgerServerFixture.Machine(stack, "ci", time);
        var lease = await runner.AcquireLeaseAsync("r-1", Shifting);
        using var client = LedgerServerFixture.Client();
        await GuardClaimAsync(client, stack, lease.Token);
        await GuardFlippedAsync(client, stack);

        var renewed = await runner.RenewLeaseAsync(lease.Token, Shifting);

        Assert.Equal(new ReleaseGuardMark("evt-1", "alarm web-green-5xx", new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.Zero), GuardState.Flipped, null), renewed.Guard);
        Assert.Equal(new ControlRequest("c-1", ControlAction.Rollback, "release-guard (alarm web-green-5xx)", new DateTimeOffset(2026, 3, 1, 12, 0, 6, TimeSpan.Zero)), renewed.Control);
        Assert.Equal(renewed, await LedgerServerFixture.Machine(stack, "laptop", time).ReadLeaseAsync());
    }

    [Fact]
    public async Task A_failed_switch_is_read_with_the_guard_s_detail()
    {
        var stack = await server.NewStackAsync();
        var runner = LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock());
        var lease = await runner.AcquireLeaseAsync("r-1", Shifting);
        using var client = LedgerServerFixture.Client();
        await GuardClaimAsync(client, stack, lease.Token);
        await SetAsync(client, stack, ("guardState", "failed"), ("guardDetail", "ModifyRule: AccessDenied"));

        var guard = (await runner.ReadLeaseAsync())!.Guard!;

        Assert.Equal((GuardState.Failed, "ModifyRule: AccessDenied"), (guard.State, guard.Detail));
    }

    [Fact]
    public async Task An_unknown_guard_state_is_refused_naming_the_attribute_and_the_allowed_values()
    {
        var stack = await server.NewStackAsync();
        var runner = LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock());
        var lease = await runner.AcquireLeaseAsync("r-1", Shifting);
        using var client = LedgerServerFixture.Client();
        await GuardClaimAsync(client, stack, lease.Token);
        await SetAsync(client, stack, ("guardState", "done"));

        var e = await Assert.ThrowsAsync<LedgerFormatException>(() => runner.ReadLeaseAsync());

        Assert.Equal($"release ledger {LedgerTable.NameFor(stack)}, item lease, attribute guardState: expected flipping | flipped | failed, found S \"done\"", e.Message);
    }

    /// <summary>The guard's claim, with contract A's condition: the lease token it read, and no other invocation's claim.</summary>
    private static Task GuardClaimAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, string stack, string token) =>
        client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = LedgerTable.NameFor(stack),
            Key = Key(stack),
            UpdateExpression = "SET #guardId = :id, #guardReason = :reason, #guardAt = :at, #guardState = :state",
            ConditionExpression = "#token = :token AND (attribute_not_exists(#guardId) OR #guardId = :id OR #guardState = :failed)",
            ExpressionAttributeNames = new()
            {
                ["#guardId"] = "guardId", ["#guardReason"] = "guardReason", ["#guardAt"] = "guardAt", ["#guardState"] = "guardState", ["#token"] = "token",
            },
            ExpressionAttributeValues = new()
            {
                [":id"] = new AttributeValue { S = "evt-1" },
                [":reason"] = new AttributeValue { S = "alarm web-green-5xx" },
                [":at"] = new AttributeValue { S = "2026-03-01T12:00:05.0000000Z" },
                [":state"] = new AttributeValue { S = "flipping" },
                [":failed"] = new AttributeValue { S = "failed" },
                [":token"] = new AttributeValue { S = token },
            },
        });

    private static Task GuardFlippedAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, string stack) =>
        SetAsync(client, stack, ("guardState", "flipped"), ("controlId", "c-1"), ("controlAction", "rollback"),
            ("controlBy", "release-guard (alarm web-green-5xx)"), ("controlAt", "2026-03-01T12:00:06.0000000Z"));

    private static Task SetAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, string stack, params (string Name, string Value)[] attributes) =>
        client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = LedgerTable.NameFor(stack),
            Key = Key(stack),
            UpdateExpression = "SET " + string.Join(", ", attributes.Select(a => $"#{a.Name} = :{a.Name}")),
            ConditionExpression = "#guardId = :id",
            ExpressionAttributeNames = attributes.ToDictionary(a => $"#{a.Name}", a => a.Name).Append(KeyValuePair.Create("#guardId", "guardId")).ToDictionary(),
            ExpressionAttributeValues = attributes.ToDictionary(a => $":{a.Name}", a => new AttributeValue { S = a.Value })
                .Append(KeyValuePair.Create(":id", new AttributeValue { S = "evt-1" })).ToDictionary(),
        });

    private static Dictionary<string, AttributeValue> Key(string stack) => new()
    {
        [LedgerTable.PartitionKey] = new AttributeValue { S = stack },
        [LedgerTable.SortKey] = new AttributeValue { S = LedgerTable.LeaseItem },
    };
}
