using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Moq;

namespace Runner.Tests.Adapters;

public class CloudWatchAlarmReaderTests
{
    private readonly Mock<IAmazonCloudWatch> cloudWatch = new(MockBehavior.Strict);
    private readonly List<DescribeAlarmsRequest> requests = [];

    [Fact]
    public async Task Asks_for_at_most_100_names_per_request()
    {
        var names = Enumerable.Range(1, 250).Select(i => $"alarm-{i:000}").ToList();
        Answer(request => Page(request.AlarmNames!.Select(n => Alarm(n, StateValue.OK))));

        var states = await Reader().ReadStatesAsync(names, CancellationToken.None);

        Assert.Equal([100, 100, 50], requests.Select(r => r.AlarmNames!.Count));
        Assert.Equal(names, requests.SelectMany(r => r.AlarmNames!));
        Assert.All(requests, r => Assert.Equal(100, r.MaxRecords));
        Assert.Equal(250, states.Count);
    }

    [Fact]
    public async Task Follows_next_tokens_until_the_last_page()
    {
        Answer(request => request.NextToken switch
        {
            null => Page([Alarm("web-green-5xx", StateValue.ALARM)], next: "page-2"),
            "page-2" => Page([Alarm("web-green-unhealthy", StateValue.INSUFFICIENT_DATA)], next: "page-3"),
            _ => Page([Alarm("web-error-rate", StateValue.OK)]),
        });

        var states = await Reader()
            .ReadStatesAsync(["web-green-5xx", "web-green-unhealthy", "web-error-rate"], CancellationToken.None);

        Assert.Equal([null, "page-2", "page-3"], requests.Select(r => r.NextToken));
        Assert.Equal(AlarmState.Alarm, states["web-green-5xx"]);
        Assert.Equal(AlarmState.InsufficientData, states["web-green-unhealthy"]);
        Assert.Equal(AlarmState.Ok, states["web-error-rate"]);
    }

    [Fact]
    public async Task A_name_cloudwatch_does_not_return_is_missing_not_insufficient_data()
    {
        Answer(_ => Page([Alarm("web-green-5xx", StateValue.OK), Alarm("web-green-unhealthy", StateValue.INSUFFICIENT_DATA)]));

        var states = await Reader()
            .ReadStatesAsync(["web-green-5xx", "web-green-unhealthy", "web-green-typo"], CancellationToken.None);

        Assert.Equal(AlarmState.Ok, states["web-green-5xx"]);
        Assert.Equal(AlarmState.InsufficientData, states["web-green-unhealthy"]);
        Assert.Equal(AlarmState.Missing, states["web-green-typo"]);
    }

    [Fact]
    public async Task A_page_without_alarms_leaves_every_name_missing()
    {
        // SDK v4 leaves MetricAlarms null when the service returned no alarms.
        Answer(_ => new DescribeAlarmsResponse());

        var states = await Reader().ReadStatesAsync(["web-green-5xx"], CancellationToken.None);

        Assert.Equal(AlarmState.Missing, Assert.Single(states).Value);
    }

    [Fact]
    public void Names_the_region_it_reads()
    {
        Assert.Equal("eu-west-1", Reader().Region);
    }

    [Fact]
    public async Task Asks_once_for_a_name_given_twice()
    {
        Answer(request => Page(request.AlarmNames!.Select(n => Alarm(n, StateValue.OK))));

        await Reader().ReadStatesAsync(["a", "b", "a"], CancellationToken.None);

        Assert.Equal(["a", "b"], Assert.Single(requests).AlarmNames!);
    }

    private CloudWatchAlarmReader Reader() => new(cloudWatch.Object, "eu-west-1");

    private void Answer(Func<DescribeAlarmsRequest, DescribeAlarmsResponse> answer) =>
        cloudWatch.Setup(c => c.DescribeAlarmsAsync(It.IsAny<DescribeAlarmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DescribeAlarmsRequest request, CancellationToken _) =>
            {
                requests.Add(request);
                return answer(request);
            });

    private static DescribeAlarmsResponse Page(IEnumerable<MetricAlarm> alarms, string? next = null) =>
        new() { MetricAlarms = alarms.ToList(), NextToken = next };

    private static MetricAlarm Alarm(string name, StateValue state) => new() { AlarmName = name, StateValue = state };
}
