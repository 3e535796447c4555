using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws;

namespace Infra.Components.Data;

/// <summary>Inputs of <see cref="Database"/>: the validated settings and the networks it lives in.</summary>
public sealed class DatabaseArgs
{
    /// <summary>The validated stack settings; <c>Database</c>, <c>Dr</c>, <c>Region</c> and <c>DrRegion</c> are read.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>The private subnets of the primary region's network, one per availability zone.</summary>
    public required InputList<string> SubnetIds { get; init; }

    /// <summary>The database security group of the primary region's network.</summary>
    public required Input<string> SecurityGroupId { get; init; }

    /// <summary>The AWS provider for <c>Settings.DrRegion</c>. Required when <c>infra:dr.replica</c> is true; otherwise unused.</summary>
    public Provider? DrProvider { get; init; }

    /// <summary>The private subnets of the DR region's network. Required when <c>infra:dr.replica</c> is true.</summary>
    public InputList<string>? DrSubnetIds { get; init; }

    /// <summary>The database security group of the DR region's network. Required when <c>infra:dr.replica</c> is true.</summary>
    public Input<string>? DrSecurityGroupId { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first missing member and how to supply it.</summary>
    internal void Validate()
    {
        if (!Settings.Dr.Replica) return;
        var region = Settings.DrRegion;
        if (DrProvider is null)
            throw new ArgumentException(
                $"DatabaseArgs.DrProvider is required when infra:dr.replica is true; pass an aws.Provider for {region}");
        if (DrSubnetIds is null)
            throw new ArgumentException(
                $"DatabaseArgs.DrSubnetIds is required when infra:dr.replica is true; pass the private subnet ids of the network in {region}");
        if (DrSecurityGroupId is null)
            throw new ArgumentException(
                $"DatabaseArgs.DrSecurityGroupId is required when infra:dr.replica is true; pass the database security group id of the network in {region}");
    }
}
