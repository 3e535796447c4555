using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Traffic;

/// <summary>Inputs of <see cref="WeightedAlb"/>.</summary>
public sealed class WeightedAlbArgs
{
    /// <summary>The validated stack settings: load balancer, services (routes, weights, health checks), tags.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>The VPC the target groups live in.</summary>
    public required Input<string> VpcId { get; init; }

    /// <summary>Public subnets, one per availability zone, for the internet-facing load balancer.</summary>
    public required InputList<string> PublicSubnetIds { get; init; }

    /// <summary>The load balancer's security group (see <c>Network.LoadBalancerSecurityGroupId</c>).</summary>
    public required Input<string> SecurityGroupId { get; init; }

    /// <summary>
    /// The preview header's value (see <see cref="PreviewSecret"/>): a request on the production listener carrying
    /// it in <c>infra:loadBalancer.previewHeader</c> reaches its service's idle color. Keep it a Pulumi secret.
    /// </summary>
    public required Input<string> PreviewHeaderValue { get; init; }

    /// <summary>
    /// The bucket the load balancer writes its access logs to, under <see cref="AccessLogBucket.Prefix"/> (see
    /// <see cref="AccessLogBucket"/>). Default: none, access logs off.
    /// </summary>
    public Input<string>? AccessLogBucketName { get; init; }

    /// <summary>TLS policy of the HTTPS and test listeners. Default: ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.3 and 1.2).</summary>
    public string SslPolicy { get; init; } = "ELBSecurityPolicy-TLS13-1-2-2021-06";
}
