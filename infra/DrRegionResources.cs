using Infra.Components.Network;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>The DR region's provider and network: declared when the stack has a replica or a pilot light there.</summary>
public sealed record DrRegionResources(Pulumi.Aws.Provider Provider, Network Network)
{
    /// <summary>Where the replica lives: the DR network's private subnets.</summary>
    public InputList<string> DatabaseSubnetIds => Network.PrivateSubnetIds;

    public Input<string> DatabaseSecurityGroupId => Network.DatabaseSecurityGroupId;

    public static DrRegionResources? DeclareIfNeeded(StackSettings settings)
    {
        if (settings.DrRegion is not { } region || !(settings.Dr.Replica || settings.Dr.PilotLight)) return null;
        var provider = new Pulumi.Aws.Provider("aws-dr", new Pulumi.Aws.ProviderArgs { Region = region });
        var network = new Network("dr-net", new NetworkArgs { Settings = settings, Region = region },
            new ComponentResourceOptions { Provider = provider });
        return new DrRegionResources(provider, network);
    }
}
