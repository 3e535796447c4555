using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Compute;

/// <summary>Inputs of <see cref="BlueGreenService"/>.</summary>
public sealed class BlueGreenServiceArgs
{
    /// <summary>The validated stack settings (names, tags, region).</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>The service to run: images, size, counts, autoscaling, environment, secrets.</summary>
    public required ServiceSettings Service { get; init; }

    /// <summary>The stack's cluster (see <see cref="ServiceCluster"/>).</summary>
    public required Input<string> ClusterArn { get; init; }

    /// <summary>The cluster's name; autoscaling addresses services as <c>service/&lt;cluster&gt;/&lt;service&gt;</c>.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>Each color's target group ARN.</summary>
    public required ColorPair<Input<string>> TargetGroupArns { get; init; }

    /// <summary>Private subnets the tasks run in.</summary>
    public required InputList<string> PrivateSubnetIds { get; init; }

    /// <summary>The tasks' security group (see <c>Network.TaskSecurityGroupId</c>).</summary>
    public required Input<string> TaskSecurityGroupId { get; init; }

    /// <summary>
    /// The listener or rule that attaches the target groups to the load balancer; ECS rejects a target group no load
    /// balancer uses, so the services wait for it. Default: none.
    /// </summary>
    public IReadOnlyList<Resource> TrafficRoutes { get; init; } = [];

    /// <summary>
    /// The database address the tasks connect to (the primary's, or in a pilot light the replica's), given to the
    /// container as DATABASE_HOST. Default: none.
    /// </summary>
    public Input<string>? DatabaseAddress { get; init; }

    /// <summary>
    /// The customer managed key the service's log group is encrypted with (<c>LogsKey.Arn</c>). Default: none, CloudWatch Logs'
    /// own key.
    /// </summary>
    public Input<string>? LogsKmsKeyArn { get; init; }

    /// <summary>Region the awslogs driver writes to (the DR region for a pilot light). Default: the stack's region.</summary>
    public string? Region { get; init; }

    internal string EffectiveRegion => Region ?? Settings.Region;
}
