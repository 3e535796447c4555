using System.Text.Json.Nodes;
using Infra.Components.Traffic;

namespace Infra.Tests.Components.Traffic;

/// <summary>
/// Issue 17 item 4: the access-log bucket's policy lets only the region's load-balancer log delivery write, under the
/// account's prefix, and refuses plain HTTP.
/// </summary>
public class AccessLogPolicyTests
{
    private const string Bucket = "arn:aws:s3:::infra-production-alb-access-logs-1";

    [Theory]
    [InlineData("eu-west-1", """{"AWS":"arn:aws:iam::156460612806:root"}""")]
    [InlineData("eu-central-1", """{"AWS":"arn:aws:iam::054676820928:root"}""")]
    [InlineData("us-east-1", """{"AWS":"arn:aws:iam::127311923021:root"}""")]
    [InlineData("cn-north-1", """{"AWS":"arn:aws-cn:iam::638102146993:root"}""")]
    [InlineData("us-gov-west-1", """{"AWS":"arn:aws-us-gov:iam::048591011584:root"}""")]
    // Regions opened after August 2022 deliver through the service principal.
    [InlineData("eu-central-2", """{"Service":"logdelivery.elasticloadbalancing.amazonaws.com"}""")]
    [InlineData("ap-south-2", """{"Service":"logdelivery.elasticloadbalancing.amazonaws.com"}""")]
    public void The_writer_is_the_regions_elb_account_or_the_log_delivery_service(string region, string principal) =>
        Assert.Equal(principal, ElbLogDelivery.PrincipalFor(region).ToJsonString());

    [Fact]
    public void A_region_without_a_documented_writer_gets_no_policy() =>
        Assert.Equal("AWS documents no load-balancer log writer for eusc-de-east-1; settings validation refuses access logs there (Parameter 'region')",
            Assert.Throws<ArgumentException>(() => ElbLogDelivery.PrincipalFor("eusc-de-east-1")).Message);

    [Fact]
    public void Log_delivery_may_only_put_objects_under_the_accounts_prefix_and_nobody_may_use_plain_http()
    {
        var policy = JsonNode.Parse(ElbLogDelivery.BucketPolicy(Bucket, "eu-west-1", "123456789012", AccessLogBucket.Prefix))!;

        var statements = policy["Statement"]!.AsArray();
        Assert.Equal(2, statements.Count);
        Assert.Equal(
            """{"Sid":"ElbWritesAccessLogs","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::156460612806:root"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::infra-production-alb-access-logs-1/alb/AWSLogs/123456789012/*"}""",
            statements[0]!.ToJsonString());
        Assert.Equal(
            """{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::infra-production-alb-access-logs-1","arn:aws:s3:::infra-production-alb-access-logs-1/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}""",
            statements[1]!.ToJsonString());
        // Nothing public: the only Allow names the log delivery, never everyone.
        Assert.DoesNotContain(statements, s => (string)s!["Effect"]! == "Allow" && s["Principal"]!.ToJsonString() == "\"*\"");
    }
}
