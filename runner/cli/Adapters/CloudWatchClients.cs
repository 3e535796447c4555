using Amazon;
using Amazon.CloudWatch;

namespace Infra.Runner.Adapters;

/// <summary>CloudWatch clients for an explicit region: the stack's, or its DR region, never whatever AWS_REGION says.</summary>
public static class CloudWatchClients
{
    public static IAmazonCloudWatch For(string region) => new AmazonCloudWatchClient(RegionEndpoint.GetBySystemName(region));
}
