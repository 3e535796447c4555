using System.Text;
using System.Text.Json;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// Posts each notification to a Slack incoming webhook as <c>{"text": ...}</c>; critical ones start with a siren so
/// they stand out. The webhook URL is a secret: it never appears in a message, a log line or an exception.
/// </summary>
public sealed class SlackWebhookNotifier(HttpClient client, Uri webhook) : INotifier
{
    /// <summary>The environment variable holding the webhook URL.</summary>
    public const string WebhookVariable = "INFRA_SLACK_WEBHOOK_URL";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken)
    {
        var text = severity == NotificationSeverity.Critical ? $":rotating_light: CRITICAL: {message}" : message;
        HttpResponseMessage response;
        try
        {
            // A buffered body (with Content-Length) rather than a chunked stream: webhooks behind proxies expect it.
            using var body = new StringContent(JsonSerializer.Serialize(new SlackMessage(text), JsonOptions), Encoding.UTF8, "application/json");
            response = await client.PostAsync(webhook, body, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            // The framework's message can name the URL; say only what failed.
            throw new HttpRequestException($"the Slack webhook could not be reached ({error.HttpRequestError})");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the Slack webhook answered {(int)response.StatusCode}");
            }
        }
    }

    private sealed record SlackMessage(string Text);
}
