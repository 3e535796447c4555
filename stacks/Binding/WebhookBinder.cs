using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds the webhook keys of <c>infra:rollout.hooks</c>: <c>webhooks</c> and <c>webhookKey</c>.</summary>
public static class WebhookBinder
{
    public static WebhookHooks Bind(MapReader hooks)
    {
        var webhooks = (hooks.MapList("webhooks") ?? []).Select(item =>
        {
            var webhook = new WebhookSettings(
                item.String("name") ?? "",
                item.String("url") ?? "",
                item.Enum<WebhookPoint>("at") ?? WebhookPoint.PostStep,
                item.Int("timeoutSeconds") ?? WebhookSettings.DefaultTimeoutSeconds);
            if (!item.Has("at")) item.Diagnostics.Error(item.PathOf("at"), "required; one of: pre-traffic, post-step, post-release, rollback");
            item.ReportUnknownKeys();
            return webhook;
        }).ToValueList();
        return new WebhookHooks(webhooks, hooks.Secret("webhookKey"));
    }
}
