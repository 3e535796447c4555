using System.Text.Json;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;
using TestSupport;

namespace Runner.Tests.Adapters;

public class SlackWebhookNotifierTests
{
    private readonly HttpClient client = new();

    [Fact]
    public async Task Posts_a_critical_message_as_slack_json_with_a_siren()
    {
        await using var server = new LoopbackHttpServer(200);

        await new SlackWebhookNotifier(client, server.Url("/services/T000/B000/secret"))
            .NotifyAsync(NotificationSeverity.Critical, "Rollback failed: web blue=50 green=50", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/services/T000/B000/secret"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal(":rotating_light: CRITICAL: Rollback failed: web blue=50 green=50", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Posts_an_info_message_as_it_is()
    {
        await using var server = new LoopbackHttpServer(200);

        await new SlackWebhookNotifier(client, server.Url("/hook")).NotifyAsync(NotificationSeverity.Info, "Rollout r1 completed", CancellationToken.None);

        Assert.Equal("""{"text":"Rollout r1 completed"}""", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task A_rejected_post_throws_without_naming_the_webhook()
    {
        await using var server = new LoopbackHttpServer(403);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            new SlackWebhookNotifier(client, server.Url("/services/T000/B000/secret")).NotifyAsync(NotificationSeverity.Info, "hello", CancellationToken.None));

        Assert.Equal("the Slack webhook answered 403", error.Message);
    }

    [Fact]
    public async Task An_unreachable_webhook_throws_without_naming_it()
    {
        using var closed = new ClosedLoopbackPort();
        var webhook = closed.Url("/services/T000/B000/secret");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            new SlackWebhookNotifier(client, webhook).NotifyAsync(NotificationSeverity.Info, "hello", CancellationToken.None));

        Assert.Equal("the Slack webhook could not be reached (ConnectionError)", error.Message);
    }
}
