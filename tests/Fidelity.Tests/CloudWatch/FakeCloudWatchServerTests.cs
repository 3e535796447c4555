using System.Net;
using Amazon;
using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Amazon.Runtime;

namespace Fidelity.Tests.CloudWatch;

/// <summary>
/// The tests' fake CloudWatch answers, through the offline client, as the service does: pages joined by NextToken,
/// unknown names absent, and the service's errors for input it rejects (as AmazonCloudWatchException, the SDK's
/// exception for the service, with the awsQueryCompatible error code).
/// </summary>
[Collection(nameof(CloudWatchEndpointOverride))]
public sealed class FakeCloudWatchServerTests : FakeCloudWatchTest
{
    [Fact]
    public async Task Pages_hold_max_records_and_next_token_leads_to_the_rest()
    {
        var names = Enumerable.Range(1, 130).Select(i => $"alarm-{i:000}").ToList();
        foreach (var name in names) Server.SetAlarm(name, "OK");

        var first = await Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { MaxRecords = 100 });
        var second = await Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { MaxRecords = 100, NextToken = first.NextToken });

        Assert.Equal(names.Take(100), first.MetricAlarms!.Select(a => a.AlarmName));
        Assert.Equal(names.Skip(100), second.MetricAlarms!.Select(a => a.AlarmName));
        Assert.NotNull(first.NextToken);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task Without_max_records_a_page_holds_50()
    {
        foreach (var i in Enumerable.Range(1, 60)) Server.SetAlarm($"alarm-{i:00}", "OK");

        var page = await Client().DescribeAlarmsAsync(new DescribeAlarmsRequest());

        Assert.Equal(50, page.MetricAlarms!.Count);
        Assert.NotNull(page.NextToken);
    }

    [Fact]
    public async Task Unknown_names_are_absent_and_states_are_as_set()
    {
        Server.SetAlarm("web-5xx", "ALARM");
        Server.SetAlarm("web-p99", "INSUFFICIENT_DATA");

        var page = await Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = ["web-p99", "web-typo", "web-5xx"] });

        Assert.Equal(["web-5xx", "web-p99"], page.MetricAlarms!.Select(a => a.AlarmName));
        Assert.Equal([StateValue.ALARM, StateValue.INSUFFICIENT_DATA], page.MetricAlarms!.Select(a => a.StateValue));
    }

    [Fact]
    public async Task More_than_100_alarm_names_is_a_validation_error()
    {
        var names = Enumerable.Range(1, 101).Select(i => $"a{i}").ToList();

        var error = await Assert.ThrowsAsync<AmazonCloudWatchException>(() => Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = names }));

        AssertValidationError(error,
            $"1 validation error detected: Value '[{string.Join(", ", names)}]' at 'alarmNames' failed to satisfy constraint: " +
            "Member must have length less than or equal to 100");
    }

    [Theory]
    [InlineData(0, "greater than or equal to 1")]
    [InlineData(101, "less than or equal to 100")]
    public async Task Max_records_outside_1_to_100_is_a_validation_error(int maxRecords, string constraint)
    {
        var error = await Assert.ThrowsAsync<AmazonCloudWatchException>(() => Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { MaxRecords = maxRecords }));

        AssertValidationError(error,
            $"1 validation error detected: Value '{maxRecords}' at 'maxRecords' failed to satisfy constraint: Member must have value {constraint}");
    }

    [Fact]
    public async Task A_next_token_the_service_did_not_give_is_invalid()
    {
        var error = await Assert.ThrowsAsync<AmazonCloudWatchException>(() => Client().DescribeAlarmsAsync(new DescribeAlarmsRequest { NextToken = "made-up" }));

        Assert.Equal("InvalidNextToken", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Metric_statistics_are_the_points_in_the_window_of_the_metric_with_exactly_those_dimensions()
    {
        var noon = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        Server.SetDatapoints("AWS/RDS", "ReplicaLag", new Dictionary<string, string> { ["DBInstanceIdentifier"] = "db-dr" },
            [(noon.AddMinutes(-1), 9), (noon, 4.5), (noon.AddMinutes(1), 2), (noon.AddMinutes(5), 7)]);

        var lag = await Client().GetMetricStatisticsAsync(Request(noon, ("DBInstanceIdentifier", "db-dr")));
        var otherDimensions = await Client().GetMetricStatisticsAsync(Request(noon, ("DBInstanceIdentifier", "db-dr"), ("Role", "replica")));

        Assert.Equal([(noon, 4.5), (noon.AddMinutes(1), 2.0)], lag.Datapoints!.Select(p => (p.Timestamp!.Value, p.Maximum!.Value)));
        Assert.All(lag.Datapoints!, p => Assert.Equal(DateTimeKind.Utc, p.Timestamp!.Value.Kind));
        Assert.Empty(otherDimensions.Datapoints!);
    }

    [Fact]
    public async Task Metric_statistics_without_a_period_is_a_validation_error()
    {
        var request = Request(DateTime.UnixEpoch, ("DBInstanceIdentifier", "db-dr"));
        request.Period = null;

        var error = await Assert.ThrowsAsync<AmazonCloudWatchException>(() => Client().GetMetricStatisticsAsync(request));

        AssertValidationError(error, "1 validation error detected: Value null at 'period' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task A_request_member_the_fake_does_not_implement_fails_rather_than_being_ignored()
    {
        // Unit is a real GetMetricStatistics member the offline model does not declare; sent by hand over the wire.
        using var http = new HttpClient();
        var writer = new System.Formats.Cbor.CborWriter();
        writer.WriteStartMap(1);
        writer.WriteTextString("Unit");
        writer.WriteTextString("Seconds");
        writer.WriteEndMap();
        using var body = new ByteArrayContent(writer.Encode());
        body.Headers.ContentType = new("application/cbor");
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.Endpoint + "/service/GraniteServiceVersion20100801/operation/GetMetricStatistics") { Content = body };
        request.Headers.Add("smithy-protocol", "rpc-v2-cbor");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SerializationException;Sender", Assert.Single(response.Headers.GetValues("x-amzn-query-error")));
    }

    private static GetMetricStatisticsRequest Request(DateTime start, params (string Name, string Value)[] dimensions) => new()
    {
        Namespace = "AWS/RDS",
        MetricName = "ReplicaLag",
        Dimensions = [.. dimensions.Select(d => new Dimension { Name = d.Name, Value = d.Value })],
        Statistics = ["Maximum"],
        Period = 60,
        StartTime = start,
        EndTime = start.AddMinutes(5),
    };

    private static void AssertValidationError(AmazonCloudWatchException error, string message)
    {
        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(ErrorType.Sender, error.ErrorType);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(message, error.Message);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    private static AmazonCloudWatchClient Client() => new(RegionEndpoint.EUWest1);
}
