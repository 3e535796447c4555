using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Infra.Ledger.Items;

/// <summary>
/// Runs one DynamoDB call and turns the failures that mean "the ledger cannot be used" into a
/// <see cref="LedgerUnavailableException"/> that names the table and where it was looked for. Condition failures
/// pass through: each operation knows what they mean.
/// </summary>
internal sealed class LedgerCalls(IAmazonDynamoDB client, string stack, string table)
{
    public async Task<T> RunAsync<T>(bool writes, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ResourceNotFoundException e)
        {
            throw new LedgerUnavailableException(
                $"the release ledger table {table} does not exist in {Where()}; stack {stack} declares it, so run `pulumi up` on the stack first", e);
        }
        catch (AmazonServiceException e) when (IsThrottling(e))
        {
            throw new LedgerUnavailableException(
                $"the release ledger table {table} in {Where()} is throttling requests ({e.ErrorCode}) even after the SDK's retries; " +
                $"{(writes ? "nothing was written" : "nothing was read")}, try again later", e);
        }
        catch (Exception e) when (IsConnectionFailure(e, cancellationToken))
        {
            throw new LedgerUnavailableException(
                $"cannot reach the release ledger table {table} at {Where()}: {Innermost(e).Message}" +
                (writes ? "; the write may or may not have been applied, read the ledger again before retrying" : ""), e);
        }
    }

    // The endpoint override (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL or ServiceURL) when there is one, else the region.
    private string Where() =>
        client.Config.ServiceURL is { Length: > 0 } url ? $"endpoint {url.TrimEnd('/')}" : $"region {client.Config.RegionEndpoint?.SystemName ?? "(none)"}";

    private static bool IsThrottling(AmazonServiceException e) =>
        e is ProvisionedThroughputExceededException or RequestLimitExceededException ||
        e.ErrorCode is "ThrottlingException" or "Throttling";

    private static bool IsConnectionFailure(Exception e, CancellationToken cancellationToken) =>
        Chain(e).Any(x => x is HttpRequestException or IOException or SocketException) ||
        (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    private static Exception Innermost(Exception e) => Chain(e).Last();
}
