using System.Text.Json.Nodes;
using Infra.Stacks.Validation;

namespace Infra.Components.Traffic;

/// <summary>
/// The access-log bucket's policy, with the region's log writer from <see cref="ElbLogWriters"/> (AWS's documented
/// table; an unsupported region never gets here, settings validation refuses it).
/// </summary>
public static class ElbLogDelivery
{
    /// <summary>The principal of the bucket policy statement that lets <paramref name="region"/>'s load balancers write.</summary>
    public static JsonObject PrincipalFor(string region)
    {
        if (!ElbLogWriters.IsSupported(region))
            throw new ArgumentException($"AWS documents no load-balancer log writer for {region}; settings validation refuses access logs there", nameof(region));
        return ElbLogWriters.AccountOf(region) is { } account
            ? new JsonObject { ["AWS"] = $"arn:{PartitionOf(region)}:iam::{account}:root" }
            : new JsonObject { ["Service"] = ElbLogWriters.ServicePrincipal };
    }

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
