using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Data;

/// <summary>Inputs of <see cref="CrossRegionReplica"/>. The DR region comes from the provider in the component's options.</summary>
public sealed class CrossRegionReplicaArgs
{
    /// <summary>The validated stack settings; <c>Database</c> and <c>Dr.Promote</c> are read.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>The primary instance's ARN (a cross-region replica names its source by ARN).</summary>
    public required Input<string> SourceDbArn { get; init; }

    /// <summary>The private subnets of the DR region's network.</summary>
    public required InputList<string> SubnetIds { get; init; }

    /// <summary>The database security group of the DR region's network.</summary>
    public required Input<string> SecurityGroupId { get; init; }

    /// <summary>The enhanced-monitoring role (IAM is global, so the primary's role serves here too).</summary>
    public required Input<string> MonitoringRoleArn { get; init; }

    /// <summary>
    /// Ends the final snapshot identifier of a promoted production replica, so it never collides with an earlier
    /// one. Required in production.
    /// </summary>
    public Input<string>? FinalSnapshotSuffix { get; init; }
}
