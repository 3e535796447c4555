using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Network;

/// <summary>Inputs of <see cref="Network"/>.</summary>
public sealed class NetworkArgs
{
    /// <summary>The validated stack settings: network, load balancer (test listener CIDRs), services (container ports), tags.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>Region whose availability zones the subnets use (the DR region for a pilot light). Default: the stack's region.</summary>
    public string? Region { get; init; }

    /// <summary>The port the database group admits from the tasks' group. Default: 5432 (PostgreSQL).</summary>
    public int DatabasePort { get; init; } = 5432;

    /// <summary>
    /// The customer managed key the flow-log group is encrypted with (<c>LogsKey.Arn</c>). Default: none, CloudWatch Logs'
    /// own key.
    /// </summary>
    public Input<string>? LogsKmsKeyArn { get; init; }

    internal string EffectiveRegion => Region ?? Settings.Region;
}
