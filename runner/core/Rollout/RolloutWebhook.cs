namespace Infra.Runner.Rollout;

/// <summary>When a webhook is called. Only <see cref="PreTraffic"/> and <see cref="PostStep"/> can stop a release.</summary>
public enum WebhookAt
{
    /// <summary>After the smoke checks, before any traffic moves: a failure stops the release, traffic untouched.</summary>
    PreTraffic,

    /// <summary>After each step has baked (or was promoted): a failure fails the step, which rolls back.</summary>
    PostStep,

    /// <summary>Once the new colors are live: a notification, whose failure is journaled and undoes nothing.</summary>
    PostRelease,

    /// <summary>After a rollout was rolled back or stopped: a notification.</summary>
    Rollback,
}

/// <summary>
/// An HTTPS endpoint the runner POSTs the rollout's state to at <see cref="At"/>, signed with the stack's webhook key
/// (held by the sender adapter, never by the plan or the record), answering within <see cref="Timeout"/>.
/// </summary>
public sealed record RolloutWebhook(string Name, Uri Url, WebhookAt At, TimeSpan Timeout)
{
    /// <summary>Its name in the journal's <c>hook</c> key: <c>webhook:NAME</c>.</summary>
    public string HookName => HookNames.WebhookPrefix + Name;
}

public static class WebhookAts
{
    /// <summary>The spelling in the stack file, the journal's <c>at</c> key and the body: <c>pre-traffic</c>, <c>post-step</c>, ...</summary>
    public static string Name(this WebhookAt at) => at switch
    {
        WebhookAt.PreTraffic => HookNames.PreTraffic,
        WebhookAt.PostStep => HookNames.PostStep,
        WebhookAt.PostRelease => HookNames.PostRelease,
        WebhookAt.Rollback => HookNames.Rollback,
        _ => throw new ArgumentOutOfRangeException(nameof(at), at, "unknown webhook point"),
    };

    /// <summary>True where a failure stops the release (pre-traffic, post-step); the others only notify.</summary>
    public static bool Blocks(this WebhookAt at) => at is WebhookAt.PreTraffic or WebhookAt.PostStep;
}
