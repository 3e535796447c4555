using Infra.Components.Iam;

namespace Infra.Components.Observability;

/// <summary>
/// The canaries' execution role, and nothing more: write artifacts under the bucket's <c>canary/</c> prefix and publish
/// metrics only to the Synthetics namespace. Listing buckets is the one action on <c>*</c>: Synthetics calls it before
/// it writes artifacts, and it has no resource to narrow it to.
/// <para>
/// No CloudWatch Logs permission, on purpose. A canary's Lambda function is named by Synthetics,
/// <c>cwsyn-&lt;canary&gt;-&lt;generated id&gt;</c> (the canary's <c>engineArn</c>, known only after it is created), and Lambda
/// creates its log group <c>/aws/lambda/&lt;function&gt;</c> on the first run, on an AWS-owned key and without expiry. No
/// input of <c>aws.synthetics.Canary</c> (<c>@pulumi/aws</c> 7.48.0) names or encrypts that group, so the program cannot
/// declare it on the stack's key before the canary first runs, and declaring it afterwards fails because it exists.
/// Without the permission the group is never created; each run's log file is an artifact in the canary's bucket.
/// </para>
/// </summary>
public static class SyntheticsPolicy
{
    public static PolicyDocument For(string bucketArn) => new(
    [
        new PolicyStatement("WriteArtifacts", ["s3:PutObject"], [$"{bucketArn}/canary/*"]),
        new PolicyStatement("LocateArtifactBucket", ["s3:GetBucketLocation"], [bucketArn]),
        new PolicyStatement("ListBuckets", ["s3:ListAllMyBuckets"], ["*"]),
        new PolicyStatement("PublishSyntheticsMetrics", ["cloudwatch:PutMetricData"], ["*"])
        {
            Conditions = [new PolicyCondition("StringEquals", "cloudwatch:namespace", ["CloudWatchSynthetics"])],
        },
    ]);
}
