using System.Text.Json.Nodes;

namespace Infra.Components.Traffic;

/// <summary>
/// Who writes a region's load-balancer access logs, as AWS documents it ("Enable access logs for your Application Load
/// Balancer"): in the regions opened before August 2022, Elastic Load Balancing's own account of that region; in the
/// later ones, the log-delivery service principal.
/// </summary>
public static class ElbLogDelivery
{
    public const string ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

    private static readonly Dictionary<string, string> AccountByRegion = new()
    {
        ["us-east-1"] = "127311923021",
        ["us-east-2"] = "033677994240",
        ["us-west-1"] = "027434742980",
        ["us-west-2"] = "797873946194",
        ["af-south-1"] = "098369216593",
        ["ap-east-1"] = "754344448648",
        ["ap-southeast-3"] = "589379963580",
        ["ap-south-1"] = "718504428378",
        ["ap-northeast-3"] = "383597477331",
        ["ap-northeast-2"] = "600734575887",
        ["ap-southeast-1"] = "114774131450",
        ["ap-southeast-2"] = "783225319266",
        ["ap-northeast-1"] = "582318560864",
        ["ca-central-1"] = "985666609251",
        ["eu-central-1"] = "054676820928",
        ["eu-west-1"] = "156460612806",
        ["eu-west-2"] = "652711504416",
        ["eu-south-1"] = "635631232127",
        ["eu-west-3"] = "009996457667",
        ["eu-north-1"] = "897822967062",
        ["me-south-1"] = "076674570225",
        ["sa-east-1"] = "507241528517",
        ["us-gov-west-1"] = "048591011584",
        ["us-gov-east-1"] = "190560391635",
        ["cn-north-1"] = "638102146993",
        ["cn-northwest-1"] = "037604701340",
    };

    /// <summary>The principal of the bucket policy statement that lets <paramref name="region"/>'s load balancers write.</summary>
    public static JsonObject PrincipalFor(string region) => AccountByRegion.TryGetValue(region, out var account)
        ? new JsonObject { ["AWS"] = $"arn:{PartitionOf(region)}:iam::{account}:root" }
        : new JsonObject { ["Service"] = ServicePrincipal };

    public static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    /// <summary>
    /// The access-log bucket's policy: the region's log delivery may put objects under the account's log prefix only,
    /// and nobody may use the bucket without TLS.
    /// </summary>
    public static string BucketPolicy(string bucketArn, string region, string account, string prefix) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(
            new JsonObject
            {
                ["Sid"] = "ElbWritesAccessLogs",
                ["Effect"] = "Allow",
                ["Principal"] = PrincipalFor(region),
                ["Action"] = "s3:PutObject",
                ["Resource"] = $"{bucketArn}/{prefix}/AWSLogs/{account}/*",
            },
            new JsonObject
            {
                ["Sid"] = "TlsOnly",
                ["Effect"] = "Deny",
                ["Principal"] = "*",
                ["Action"] = "s3:*",
                ["Resource"] = new JsonArray(bucketArn, $"{bucketArn}/*"),
                ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
            }),
    }.ToJsonString();
}
