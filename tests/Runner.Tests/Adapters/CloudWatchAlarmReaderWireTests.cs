using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;
using TestSupport;

namespace Runner.Tests.Adapters;

/// <summary>The endpoint override is process-wide, as in the real SDK: these tests run alone.</summary>
[CollectionDefinition(nameof(CloudWatchEndpointOverride), DisableParallelization = true)]
public sealed class CloudWatchEndpointOverride;

/// <summary>
/// The runner's alarm reader through the offline AWSSDK.CloudWatch client, over the wire, against the fake CloudWatch
/// of tests/Support, reached through the SDK's standard endpoint override AWS_ENDPOINT_URL_CLOUDWATCH.
/// </summary>
[Collection(nameof(CloudWatchEndpointOverride))]
public sealed class CloudWatchAlarmReaderWireTests : IDisposable
{
    private const string Variable = "AWS_ENDPOINT_URL_CLOUDWATCH";
    private readonly FakeCloudWatchServer _server = FakeCloudWatchServer.Start();

    public CloudWatchAlarmReaderWireTests()
    {
        Environment.SetEnvironmentVariable(Variable, _server.Endpoint);
        // The real client signs its requests, so it needs credentials (the fake does not check them); the same values
        // the ledger tests set for the process, never removed.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test-access-key");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-secret-key");
    }

    [Fact]
    public async Task Reads_ok_alarm_and_insufficient_data_and_follows_the_state_the_service_reports()
    {
        _server.SetAlarm("web-green-5xx", "OK");
        _server.SetAlarm("web-green-unhealthy", "INSUFFICIENT_DATA");
        _server.SetAlarm("web-error-rate", "ALARM");
        string[] names = ["web-green-5xx", "web-green-unhealthy", "web-error-rate"];

        var before = await Reader().ReadStatesAsync(names, CancellationToken.None);
        _server.SetAlarm("web-green-5xx", "ALARM");
        var after = await Reader().ReadStatesAsync(names, CancellationToken.None);

        Assert.Equal(AlarmState.Ok, before["web-green-5xx"]);
        Assert.Equal(AlarmState.InsufficientData, before["web-green-unhealthy"]);
        Assert.Equal(AlarmState.Alarm, before["web-error-rate"]);
        Assert.Equal(AlarmState.Alarm, after["web-green-5xx"]);
    }

    [Fact]
    public async Task Reads_250_alarms_in_requests_of_at_most_100_names()
    {
        var names = Enumerable.Range(1, 250).Select(i => $"alarm-{i:000}").ToList();
        foreach (var name in names) _server.SetAlarm(name, name == "alarm-201" ? "ALARM" : "OK");

        var states = await Reader().ReadStatesAsync(names, CancellationToken.None);

        Assert.Equal(250, states.Count);
        Assert.Equal(AlarmState.Alarm, states["alarm-201"]);
        Assert.Equal(249, states.Values.Count(s => s == AlarmState.Ok));
        Assert.Equal([100, 100, 50], _server.Requests.Select(r => CountOf(r, "alarm-")));
    }

    [Fact]
    public async Task A_name_the_service_does_not_have_is_missing()
    {
        _server.SetAlarm("web-green-5xx", "OK");
        _server.SetAlarm("web-green-unhealthy", "ALARM");
        _server.DeleteAlarm("web-green-unhealthy");

        var states = await Reader().ReadStatesAsync(["web-green-5xx", "web-green-unhealthy", "web-green-typo"], CancellationToken.None);

        Assert.Equal(AlarmState.Ok, states["web-green-5xx"]);
        Assert.Equal(AlarmState.Missing, states["web-green-unhealthy"]);
        Assert.Equal(AlarmState.Missing, states["web-green-typo"]);
    }

    [OfflineCloudWatchFact("without an endpoint the offline client refuses to call AWS")]
    public async Task Without_an_endpoint_the_offline_client_says_it_cannot_reach_aws()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", null);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Reader().ReadStatesAsync(["web-green-5xx"], CancellationToken.None));

        Assert.Equal(
            "the offline AWSSDK.CloudWatch cannot reach AWS (eu-west-1) to read alarm states: it cannot sign requests to AWS. " +
            "Set AWS_ENDPOINT_URL_CLOUDWATCH (or AWS_ENDPOINT_URL) to a CloudWatch-compatible server on loopback, " +
            "or build with the real packages (OfflineSdk=false)",
            error.Message);
        Assert.Empty(_server.Requests);
    }

    [OfflineCloudWatchFact("the offline client sends unsigned requests to loopback only")]
    public async Task An_endpoint_that_is_not_loopback_is_refused_because_requests_are_unsigned()
    {
        Environment.SetEnvironmentVariable(Variable, "https://monitoring.eu-west-1.amazonaws.com");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Reader().ReadStatesAsync(["web-green-5xx"], CancellationToken.None));

        Assert.Equal(
            "the offline AWSSDK.CloudWatch sends unsigned requests, so it only calls loopback endpoints; " +
            "AWS_ENDPOINT_URL_CLOUDWATCH is 'https://monitoring.eu-west-1.amazonaws.com'",
            error.Message);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        _server.Dispose();
    }

    private static CloudWatchAlarmReader Reader() => new(CloudWatchClients.For("eu-west-1"), "eu-west-1");

    // How many of the request's AlarmNames start with the prefix: counted in the CBOR text, as the server received it.
    private static int CountOf(RecordedRequest request, string prefix) =>
        System.Text.Encoding.UTF8.GetString(request.Body).Split(prefix).Length - 1;
}
