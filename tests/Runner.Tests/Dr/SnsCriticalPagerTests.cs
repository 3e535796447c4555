using System.Text.Json.Nodes;
using Amazon.SimpleNotificationService;
using Amazon.SimpleNotificationService.Model;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Rollout;
using Infra.Runner.Adapters;
using Microsoft.Extensions.Time.Testing;
using TestSupport;

namespace Runner.Tests.Dr;

/// <summary>
/// The DR commands' SNS page through the offline AWSSDK.SimpleNotificationService client to the loopback fake SNS
/// (AWS_ENDPOINT_URL_SNS): the exact Publish on the wire, the subject SNS accepts, and SNS's errors as the pager words them.
/// </summary>
[Collection(nameof(DrEndpointOverrides))]
public sealed class SnsCriticalPagerTests : IDisposable
{
    public const string TopicArn = "arn:aws:sns:eu-central-1:123456789012:infra-production-critical";
    private static readonly SdkCallLimit Timeout = SdkCallLimit.Of(TimeSpan.FromSeconds(30));
    private readonly FakeSnsServer _sns = FakeSnsServer.Start();

    public SnsCriticalPagerTests()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SNS", _sns.Endpoint);
        _sns.Topics[TopicArn] = 0;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SNS", null);
        _sns.Dispose();
    }

    private static SnsCriticalPager Pager(string? topicArn = TopicArn) => new(SnsCriticalPager.ClientFor, topicArn, Timeout);

    [Fact]
    public async Task A_critical_page_is_published_to_the_topic_with_an_ascii_subject_and_the_whole_message()
    {
        await Pager().NotifyAsync(NotificationSeverity.Critical, "Failover of production: production now runs in eu-central-1", CancellationToken.None);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "Publish",
            ["Version"] = "2010-03-31",
            ["TopicArn"] = TopicArn,
            ["Subject"] = "CRITICAL: Failover of production: production now runs in eu-central-1",
            ["Message"] = "Failover of production: production now runs in eu-central-1",
        }, Assert.Single(_sns.Requests));
    }

    [Fact]
    public async Task An_info_notification_is_not_published()
    {
        await Pager().NotifyAsync(NotificationSeverity.Info, "Failback of production: production runs in eu-west-1 again", CancellationToken.None);

        Assert.Empty(_sns.Requests);
    }

    [Fact]
    public async Task A_long_multi_line_non_ascii_message_gets_a_subject_sns_accepts_and_goes_out_whole()
    {
        var message = "Failover of production: failed at step promote (RDS said „no“)\nsecond line\t" + new string('x', 200);

        await Pager().NotifyAsync(NotificationSeverity.Critical, message, CancellationToken.None);

        var published = Assert.Single(_sns.Published);
        Assert.Equal(message, published.Message);
        Assert.Equal("CRITICAL: Failover of production: failed at step promote (RDS said ?no?) second line xxxxxxxxxxx...", published.Subject);
        Assert.Equal(SnsCriticalPager.MaxSubjectLength, published.Subject!.Length);
    }

    [Fact]
    public async Task A_topic_that_does_not_exist_is_a_failed_page_naming_it()
    {
        _sns.Topics.Clear();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Pager().NotifyAsync(NotificationSeverity.Critical, "Failover of production: done", CancellationToken.None));

        Assert.Equal($"the topic {TopicArn} does not exist (SNS NotFound); run a full update to declare it", error.Message);
    }

    [Fact]
    public async Task A_denied_publish_names_the_permission_the_role_needs()
    {
        _sns.PublishDenied[TopicArn] = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Pager().NotifyAsync(NotificationSeverity.Critical, "Failover of production: done", CancellationToken.None));

        Assert.Equal($"the runner's role may not publish to {TopicArn} (SNS AuthorizationError); it needs sns:Publish on it", error.Message);
    }

    [Fact]
    public async Task A_denied_topic_key_names_the_kms_permissions_the_role_needs()
    {
        _sns.KeyDenied[TopicArn] = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Pager().NotifyAsync(NotificationSeverity.Critical, "Failover of production: done", CancellationToken.None));

        Assert.Equal(
            $"SNS may not use the key of {TopicArn} for the runner's role (SNS KMSAccessDenied); it needs kms:GenerateDataKey and kms:Decrypt on it through sns.eu-central-1.amazonaws.com",
            error.Message);
    }

    [Fact]
    public async Task No_topic_in_the_outputs_is_a_failed_page_saying_so_without_calling_sns()
    {
        var pager = Pager(SnsCriticalPager.TopicArnIn(new JsonObject { ["dr"] = new JsonObject { ["healthCheckId"] = "hc-1" } }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pager.NotifyAsync(NotificationSeverity.Critical, "Failover of production: done", CancellationToken.None));

        Assert.Equal("not published: the stack has no output dr.criticalTopicArn (last updated by an older program); run a full update with this version of the program", error.Message);
        Assert.Empty(_sns.Requests);
    }

    [Fact]
    public void The_topic_is_read_from_the_dr_output()
    {
        Assert.Equal(TopicArn, SnsCriticalPager.TopicArnIn(new JsonObject { ["dr"] = new JsonObject { ["criticalTopicArn"] = TopicArn } }));
        Assert.Null(SnsCriticalPager.TopicArnIn(new JsonObject { ["dr"] = new JsonObject { ["criticalTopicArn"] = null } }));
        Assert.Null(SnsCriticalPager.TopicArnIn(new JsonObject()));
    }

    [Fact]
    public async Task An_output_that_is_not_a_topic_arn_is_named()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Pager("infra-production-critical").NotifyAsync(NotificationSeverity.Critical, "Failover of production: done", CancellationToken.None));

        Assert.Equal("the stack output dr.criticalTopicArn is 'infra-production-critical', not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)", error.Message);
    }

    /// <summary>
    /// The call limit cancels the Publish itself: the connection closes at the limit. Only to stop waiting would leave it
    /// in flight, so a page reported as failed could still wake someone, and the client would be disposed under it.
    /// </summary>
    [Fact]
    public async Task A_publish_that_gets_no_answer_is_a_failed_page_cancelled_at_the_call_limit_not_left_in_flight()
    {
        using var silent = new SilentHttpServer();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SNS", silent.Endpoint);
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pager = new SnsCriticalPager(SnsCriticalPager.ClientFor, TopicArn, new SdkCallLimit(TimeSpan.FromSeconds(10), clock));

        var page = pager.NotifyAsync(NotificationSeverity.Critical, "Failover of production: done", CancellationToken.None);
        var request = await silent.ReadRequestAsync();
        clock.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => page);
        Assert.Equal($"publishing to {TopicArn} failed: SNS in eu-central-1 gave no answer within 10s; the request was cancelled", error.Message);
        Assert.Contains("Action=Publish", request, StringComparison.Ordinal);
        Assert.True(await silent.ClosedByClientAsync(), "the client still holds the connection: the publish was not cancelled");
    }

    [Fact]
    public async Task The_offline_client_throws_the_modelled_exception_sns_answers_with()
    {
        var sns = (IAmazonSimpleNotificationService)new AmazonSimpleNotificationServiceClient(Amazon.RegionEndpoint.EUCentral1);

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => sns.PublishAsync(
            new PublishRequest { TopicArn = TopicArn + "-gone", Message = "m" }));
        var badSubject = await Assert.ThrowsAsync<AmazonSimpleNotificationServiceException>(() => sns.PublishAsync(
            new PublishRequest { TopicArn = TopicArn, Subject = "two\nlines", Message = "m" }));
        var published = await sns.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" });

        Assert.Equal(("NotFound", "Topic does not exist", System.Net.HttpStatusCode.NotFound), (missing.ErrorCode, missing.Message, missing.StatusCode));
        Assert.Equal(("InvalidParameter", "Invalid parameter: Subject"), (badSubject.ErrorCode, badSubject.Message));
        Assert.True(Guid.TryParse(published.MessageId, out _));
    }
}
