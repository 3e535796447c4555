using Infra.Components.Iam;

namespace Infra.Components.Observability;

/// <summary>
/// The canaries' execution role, and nothing more: write artifacts under the bucket's <c>canary/</c> prefix, write
/// their own Lambda log groups (<c>/aws/lambda/cwsyn-&lt;canary&gt;-*</c>, which Synthetics creates), and publish
/// metrics only to the Synthetics namespace. Listing buckets is the one action on <c>*</c>: Synthetics calls it before
/// it writes artifacts, and it has no resource to narrow it to.
/// </summary>
public static class SyntheticsPolicy
{
    public static PolicyDocument For(string bucketArn, string region, string account, IEnumerable<string> canaryNames)
    {
        var partition = bucketArn.Split(':')[1];
        return new PolicyDocument(
        [
            new PolicyStatement("WriteArtifacts", ["s3:PutObject"], [$"{bucketArn}/canary/*"]),
            new PolicyStatement("LocateArtifactBucket", ["s3:GetBucketLocation"], [bucketArn]),
            new PolicyStatement("ListBuckets", ["s3:ListAllMyBuckets"], ["*"]),
            new PolicyStatement("WriteOwnLogs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                canaryNames.Select(canary => $"arn:{partition}:logs:{region}:{account}:log-group:/aws/lambda/cwsyn-{canary}-*").ToList()),
            new PolicyStatement("PublishSyntheticsMetrics", ["cloudwatch:PutMetricData"], ["*"])
            {
                Conditions = [new PolicyCondition("StringEquals", "cloudwatch:namespace", ["CloudWatchSynthetics"])],
            },
        ]);
    }
}
