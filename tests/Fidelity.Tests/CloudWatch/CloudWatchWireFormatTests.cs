using System.Text;
using Amazon;
using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;

namespace Fidelity.Tests.CloudWatch;

/// <summary>
/// The offline client's requests, byte for byte, as AWS SDK for .NET v4 marshals them for CloudWatch (Smithy RPC v2
/// CBOR, read in sdk/src/Services/CloudWatch/Generated/Model/Internal/MarshallTransformations/*RequestMarshaller.cs
/// and extensions/src/AWSSDK.Extensions.CborProtocol): a canonical CBOR writer with indefinite lengths converted to
/// definite (so map keys are sorted shortest first, then bytewise), set members only, timestamps as tag 1 and whole
/// epoch seconds as integers. The expected bytes are spelled out here, not produced by the code under test.
/// </summary>
[Collection(nameof(CloudWatchEndpointOverride))]
public sealed class CloudWatchWireFormatTests : FakeCloudWatchTest
{
    [Fact]
    public async Task DescribeAlarms_is_posted_to_the_operation_path_with_the_protocol_headers()
    {
        await Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = ["web-5xx"] });

        var request = Assert.Single(Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/service/GraniteServiceVersion20100801/operation/DescribeAlarms", request.Path);
        Assert.Equal("rpc-v2-cbor", request.Headers["smithy-protocol"]);
        Assert.Equal("application/cbor", request.Headers["content-type"]);
        Assert.Equal("application/cbor", request.Headers["accept"]);
        Assert.Equal("true", request.Headers["x-amzn-query-mode"]);
        Assert.Equal("2010-08-01", request.Headers["x-amz-api-version"]);
        Assert.False(request.Headers.ContainsKey("x-amz-target"));
    }

    [Fact]
    public async Task DescribeAlarms_body_is_the_marshallers_bytes()
    {
        // The fake never issued "t2", so it answers InvalidNextToken as the service would; the bytes sent are what counts.
        await Assert.ThrowsAsync<AmazonCloudWatchException>(() =>
            Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = ["web-5xx", "web-p99"], MaxRecords = 100, NextToken = "t2" }));

        var expected = Cbor(
            "A3",
            Text("NextToken"), Text("t2"),
            Text("AlarmNames"), "82", Text("web-5xx"), Text("web-p99"),
            Text("MaxRecords"), "1864");
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(Assert.Single(Server.Requests).Body));
    }

    [Fact]
    public async Task DescribeAlarms_without_members_is_an_empty_map()
    {
        await Client().DescribeAlarmsAsync(new DescribeAlarmsRequest());

        Assert.Equal("A0", Convert.ToHexString(Assert.Single(Server.Requests).Body));
    }

    [Fact]
    public async Task GetMetricStatistics_body_is_the_marshallers_bytes()
    {
        await Client().GetMetricStatisticsAsync(new GetMetricStatisticsRequest
        {
            Namespace = "AWS/RDS",
            MetricName = "ReplicaLag",
            Dimensions = [new Dimension { Name = "DBInstanceIdentifier", Value = "db-dr" }],
            Statistics = ["Maximum"],
            Period = 60,
            StartTime = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc),
            EndTime = new DateTime(2026, 11, 30, 12, 5, 0, DateTimeKind.Utc),
        });

        var request = Assert.Single(Server.Requests);
        Assert.Equal("/service/GraniteServiceVersion20100801/operation/GetMetricStatistics", request.Path);
        var expected = Cbor(
            "A7",
            Text("Period"), "183C",
            Text("EndTime"), "C1", "1A6B0D666C", // tag 1, 1796040300
            Text("Namespace"), Text("AWS/RDS"),
            Text("StartTime"), "C1", "1A6B0D6540", // tag 1, 1796040000
            Text("Dimensions"), "81", "A2", Text("Name"), Text("DBInstanceIdentifier"), Text("Value"), Text("db-dr"),
            Text("MetricName"), Text("ReplicaLag"),
            Text("Statistics"), "81", Text("Maximum"));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(request.Body));
    }

    private static AmazonCloudWatchClient Client() => new(RegionEndpoint.EUWest1);

    private static byte[] Cbor(params string[] hexParts) => Convert.FromHexString(string.Concat(hexParts));

    // A CBOR text string shorter than 24 bytes: major type 3 with the length in the initial byte.
    private static string Text(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Assert.True(bytes.Length < 24, "Text() spells short strings only");
        return $"{0x60 + bytes.Length:X2}{Convert.ToHexString(bytes)}";
    }
}
