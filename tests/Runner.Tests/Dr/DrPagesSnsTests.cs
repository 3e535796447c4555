using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;
using TestSupport;

namespace Runner.Tests.Dr;

/// <summary>
/// Failover and fail-back page Slack (the world's pager) and the DR region's critical SNS topic (the fake SNS through
/// the offline client), as the DR commands wire them: a page that fails, on either channel, is noted in the report and
/// never changes the outcome.
/// </summary>
[Collection(nameof(DrEndpointOverrides))]
public sealed class DrPagesSnsTests : IDisposable
{
    private const string TopicArn = SnsCriticalPagerTests.TopicArn;
    private readonly FakeSnsServer _sns = FakeSnsServer.Start();

    public DrPagesSnsTests()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SNS", _sns.Endpoint);
        _sns.Topics[TopicArn] = 0;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SNS", null);
        _sns.Dispose();
    }

    private static DrPorts Paging(DrWorld world, string? topicArn = TopicArn) => world.Ports with
    {
        Pager = new EveryChannelNotifier(
        [
            new NotifierChannel("Slack", world),
            new NotifierChannel("SNS", new SnsCriticalPager(SnsCriticalPager.ClientFor, topicArn, SdkCallLimit.Of(TimeSpan.FromSeconds(30)))),
        ]),
    };

    private static Task<DrResult> FailoverAsync(DrWorld world, string? topicArn = TopicArn) =>
        new Failover(Paging(world, topicArn), new DrOptions(RpoTargetSeconds: 30)).RunAsync(DrWorld.Topology, force: true);

    private static Task<DrResult> FailbackAsync(DrWorld world) =>
        new Failback(Paging(world), new DrOptions(RpoTargetSeconds: 30), world.State).RunAsync(DrWorld.Topology);

    [Fact]
    public async Task A_failover_pages_slack_and_the_dr_regions_critical_topic_with_the_same_message()
    {
        var world = new DrWorld();

        var result = await FailoverAsync(world);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        var page = $"Failover of production: {result.Message}";
        Assert.Equal((NotificationSeverity.Critical, page), Assert.Single(world.Pages));
        Assert.Equal((TopicArn, "CRITICAL: " + page[..86] + "...", page), Assert.Single(_sns.Published));
        Assert.DoesNotContain("## Notes", result.MarkdownReport);
    }

    [Fact]
    public async Task A_publish_sns_refuses_is_noted_in_the_report_and_the_failover_still_succeeds_with_slack_paged()
    {
        var world = new DrWorld();
        _sns.PublishDenied[TopicArn] = 0;

        var result = await FailoverAsync(world);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Single(world.Pages);
        Assert.Empty(_sns.Published);
        Assert.Contains($"- paging failed: SNS: the runner's role may not publish to {TopicArn} (SNS AuthorizationError); it needs sns:Publish on it", result.MarkdownReport);
    }

    [Fact]
    public async Task A_stack_without_the_topic_output_fails_over_pages_slack_and_notes_the_skipped_sns_page()
    {
        var world = new DrWorld();

        var result = await FailoverAsync(world, topicArn: null);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Single(world.Pages);
        Assert.Empty(_sns.Requests);
        Assert.Contains(
            "- paging failed: SNS: not published: the stack has no output dr.criticalTopicArn (last updated by an older program); run a full update with this version of the program",
            result.MarkdownReport);
    }

    [Fact]
    public async Task A_failed_failover_still_pages_sns_and_a_failed_slack_page_does_not_keep_it_from_sns()
    {
        var world = new DrWorld();
        world.Failing["promote eu-central-1"] = new InvalidOperationException("RDS: InvalidDBInstanceState");
        var slackDown = new EveryChannelNotifier(
        [
            new NotifierChannel("Slack", new FailingNotifier("the Slack webhook answered 500")),
            new NotifierChannel("SNS", new SnsCriticalPager(SnsCriticalPager.ClientFor, TopicArn, SdkCallLimit.Of(TimeSpan.FromSeconds(30)))),
        ]);

        var result = await new Failover(world.Ports with { Pager = slackDown }, new DrOptions(RpoTargetSeconds: 30)).RunAsync(DrWorld.Topology, force: true);

        Assert.Equal(DrOutcome.Failed, result.Outcome);
        Assert.Equal($"Failover of production: {result.Message}", Assert.Single(_sns.Published).Message);
        Assert.Contains("- paging failed: Slack: the Slack webhook answered 500", result.MarkdownReport);
    }

    [Fact]
    public async Task A_fail_back_that_succeeds_pages_slack_only_and_one_that_fails_pages_sns_too()
    {
        var succeeding = DrWorld.FailedOver();
        var failing = DrWorld.FailedOver();
        failing.Failing["dns"] = new InvalidOperationException("Route53: Throttling");

        var succeeded = await FailbackAsync(succeeding);
        var failed = await FailbackAsync(failing);

        Assert.Equal((DrOutcome.Succeeded, NotificationSeverity.Info), (succeeded.Outcome, Assert.Single(succeeding.Pages).Severity));
        Assert.Equal(DrOutcome.Failed, failed.Outcome);
        Assert.Equal($"Failback of production: {failed.Message}", Assert.Single(_sns.Published).Message);
    }

    private sealed class FailingNotifier(string error) : INotifier
    {
        public Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken) =>
            throw new HttpRequestException(error);
    }
}
