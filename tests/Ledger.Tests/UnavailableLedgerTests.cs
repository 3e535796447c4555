using Amazon.DynamoDBv2;
using Infra.Stacks.Release;
using TestSupport;

namespace Infra.Ledger.Tests;

[Collection(LedgerServerCollection.Name)]
public class UnavailableLedgerTests(LedgerServerFixture server)
{
    private static readonly LeaseProgress Deploying = new("deploying", 0, ["web"], "{}", TimeSpan.FromMinutes(1));

    [Fact]
    public async Task A_table_that_does_not_exist_says_which_where_and_that_the_stack_declares_it()
    {
        var ledger = LedgerServerFixture.Machine("nosuchstack", "ci", LedgerServerFixture.Clock());

        var read = await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.ReadReleaseAsync());
        var write = await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.AcquireLeaseAsync("r-1", Deploying));

        var expected = $"the release ledger table infra-nosuchstack-releases does not exist in endpoint {server.Endpoint}; " +
            "stack nosuchstack declares it, so run `pulumi up` on the stack first";
        Assert.Equal(expected, read.Message);
        Assert.Equal(expected, write.Message);
    }

    [Fact]
    public async Task A_table_that_keeps_throttling_after_the_sdks_retries_is_unavailable_and_nothing_is_written()
    {
        await using var throttling = new CannedDynamoDbServer(400, "ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded.");
        var ledger = new ReleaseLedger(Client(throttling.Endpoint), "staging", new LeaseOwner("ci", 1, null), LedgerServerFixture.Clock());

        var e = await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.WriteReleaseAsync(0, ReleaseState.Empty, ReleaseState.Empty, "ci"));

        Assert.Equal(
            $"the release ledger table infra-staging-releases in endpoint {throttling.Endpoint} is throttling requests " +
            "(ProvisionedThroughputExceededException) even after the SDK's retries; nothing was written, try again later",
            e.Message);
        Assert.True(throttling.Requests > 1, $"the SDK retried before giving up ({throttling.Requests} request(s))");
    }

    [Fact]
    public async Task A_lost_connection_is_unavailable_and_a_write_says_it_may_have_been_applied()
    {
        using var closed = new ClosedLoopbackPort();
        var endpoint = closed.Url("").GetLeftPart(UriPartial.Authority);
        var ledger = new ReleaseLedger(Client(endpoint), "staging", new LeaseOwner("ci", 1, null), LedgerServerFixture.Clock());

        var read = await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.ReadLeaseAsync());
        var write = await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.AppendEventAsync("step", "{}"));

        Assert.StartsWith($"cannot reach the release ledger table infra-staging-releases at endpoint {endpoint}: ", read.Message);
        Assert.DoesNotContain("write", read.Message);
        Assert.EndsWith("; the write may or may not have been applied, read the ledger again before retrying", write.Message);
    }

    private static AmazonDynamoDBClient Client(string endpoint) =>
        new(LedgerServerFixture.Credentials, new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = LedgerServerFixture.Region });
}
