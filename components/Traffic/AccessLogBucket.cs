using Infra.Components.Storage;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.S3;

namespace Infra.Components.Traffic;

/// <summary>
/// The bucket a region's load balancer writes its access logs to (<c>infra:loadBalancer.accessLogs</c>): private,
/// SSE-S3 (the only encryption ALB log delivery supports), expiring after the retention, writable only by that region's
/// log delivery (<see cref="ElbLogDelivery"/>), and kept when deleted in production, where the logs are audit records.
/// </summary>
public sealed class AccessLogBucket : ComponentResource
{
    /// <summary>The key prefix the load balancer writes under.</summary>
    public const string Prefix = "alb";

    /// <summary>The bucket's name, known once its policy lets the load balancer write (which it checks when it is set).</summary>
    public Output<string> BucketName { get; }

    /// <param name="region">The load balancer's region; the bucket must be in the same one.</param>
    /// <param name="accountId">The stack's account, which the load balancer writes under.</param>
    public AccessLogBucket(string name, StackSettings settings, string region, Output<string> accountId, ComponentResourceOptions? options = null)
        : base("infra:traffic:AccessLogBucket", name, options)
    {
        var bucket = PrivateBucket.Declare(this, name, settings, settings.LoadBalancer.AccessLogs.RetentionDays, retain: settings.IsProduction);
        var policy = new BucketPolicy($"{name}-policy", new BucketPolicyArgs
        {
            Bucket = bucket.Name,
            Policy = Output.Tuple(bucket.Arn, accountId)
                .Apply(t => ElbLogDelivery.BucketPolicy(t.Item1, region, t.Item2, Prefix)),
        }, new CustomResourceOptions { Parent = this });
        BucketName = Output.Tuple(bucket.Name, policy.Id).Apply(t => t.Item1);
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName });
    }
}
