namespace Infra.Stacks.Settings;

/// <summary>When a webhook is called (<c>at</c>): before traffic moves, after each step, once live, or after a rollback.</summary>
public enum WebhookPoint { PreTraffic, PostStep, PostRelease, Rollback }

/// <summary>One item of <c>infra:rollout.hooks.webhooks</c>: an HTTPS endpoint the runner POSTs the rollout's state to, signed.</summary>
/// <param name="Name">Lower-case letters, digits and dashes, unique; the journal names the hook <c>webhook:NAME</c>.</param>
/// <param name="Url">An absolute https URL.</param>
/// <param name="TimeoutSeconds">1 to 300, default 30; no answer by then is a failure.</param>
public sealed record WebhookSettings(string Name, string Url, WebhookPoint At, int TimeoutSeconds)
{
    public const int DefaultTimeoutSeconds = 30;
    public const int MaxTimeoutSeconds = 300;
}

/// <summary><c>infra:rollout.hooks</c> as this runner reads it: the webhooks and the secret key that signs their bodies.</summary>
/// <param name="WebhookKey"><c>webhookKey</c>: a Pulumi secret (HMAC-SHA256 key), required when any webhook is declared.</param>
public sealed record WebhookHooks(ValueList<WebhookSettings> Webhooks, SecretSetting WebhookKey)
{
    public static WebhookHooks None { get; } = new(ValueList<WebhookSettings>.Empty, new SecretSetting("infra:rollout.hooks.webhookKey", false));
}
