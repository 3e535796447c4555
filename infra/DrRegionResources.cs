using Infra.Components.Network;
using Infra.Components.Observability;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// The DR region's provider, network and log-group key: declared when the stack has a replica or a pilot light there.
/// </summary>
public sealed record DrRegionResources(Pulumi.Aws.Provider Provider, Network Network, LogsKey LogsKey)
{
    /// <summary>Where the replica lives: the DR network's private subnets.</summary>
    public InputList<string> DatabaseSubnetIds => Network.PrivateSubnetIds;

    public Input<string> DatabaseSecurityGroupId => Network.DatabaseSecurityGroupId;

    public static DrRegionResources? DeclareIfNeeded(StackSettings settings)
    {
        if (settings.DrRegion is not { } region || !(settings.Dr.Replica || settings.Dr.PilotLight)) return null;
        var provider = new Pulumi.Aws.Provider("aws-dr", new Pulumi.Aws.ProviderArgs { Region = region });
        var logsKey = new LogsKey("dr-logs-key", settings, region, new ComponentResourceOptions { Provider = provider });
        var network = new Network("dr-net", new NetworkArgs { Settings = settings, Region = region, LogsKmsKeyArn = logsKey.Arn },
            new ComponentResourceOptions { Provider = provider });
        return new DrRegionResources(provider, network, logsKey);
    }
}
