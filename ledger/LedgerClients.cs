using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Infra.Ledger;

/// <summary>Creates the DynamoDB client the ledger uses.</summary>
public static class LedgerClients
{
    /// <summary>
    /// A client for the stack's <paramref name="region"/>. The endpoint is the SDK's to choose, so the standard
    /// overrides apply: <c>AWS_ENDPOINT_URL_DYNAMODB</c>, then <c>AWS_ENDPOINT_URL</c>, then <c>endpoint_url</c> in the
    /// shared config profile (AWSSDK.Core's ClientConfig.ServiceURL reads them).
    /// </summary>
    /// <param name="credentials">Default: the SDK's credential chain (environment, profile, instance role...).</param>
    public static IAmazonDynamoDB ForRegion(string region, AWSCredentials? credentials = null)
    {
        var config = new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }
}
