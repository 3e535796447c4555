using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>
/// Rules for <c>infra:rollout.hooks.webhooks</c>: a unique name that can stand in the journal, an absolute https URL
/// (its body is signed, not encrypted, so it must not cross the network in plain text), a timeout of 1 to 300 seconds,
/// and the secret key that signs the bodies.
/// </summary>
public static partial class WebhookRules
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();

    public static void Validate(WebhookHooks hooks, Diagnostics d)
    {
        var path = $"{ConfigKeys.Rollout}.hooks.webhooks";
        for (var i = 0; i < hooks.Webhooks.Count; i++)
        {
            var webhook = hooks.Webhooks[i];
            var item = KeyPath.Item(path, i);
            if (webhook.Name.Length == 0)
                d.Error($"{item}.name", "required; lower-case letters, digits and dashes, e.g. release-check");
            else if (!NamePattern().IsMatch(webhook.Name))
                d.Error($"{item}.name", $"{Shown.Text(webhook.Name)} is not allowed; use lower-case letters, digits and dashes (up to 63), starting with a letter or digit");
            else if (hooks.Webhooks.Take(i).Any(w => w.Name == webhook.Name))
                d.Error($"{item}.name", $"{Shown.Text(webhook.Name)} is used by an earlier webhook; names must be unique");

            if (webhook.Url.Length == 0)
                d.Error($"{item}.url", "required; an https URL, e.g. https://checks.example.com/release");
            else if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.Host.Length == 0)
                d.Error($"{item}.url", $"{Shown.Text(webhook.Url)} is not allowed; webhooks need an absolute https URL");
            else if (url.UserInfo.Length > 0)
                d.Error($"{item}.url", "must not carry a user name or password; the body is signed with webhookKey instead");

            d.CheckRange($"{item}.timeoutSeconds", webhook.TimeoutSeconds, 1, WebhookSettings.MaxTimeoutSeconds);
        }

        if (hooks.Webhooks.Count > 0 && !hooks.WebhookKey.IsSet)
            d.Error(hooks.WebhookKey.KeyPath,
                $"required with webhooks: the key that signs their bodies; set it with pulumi config set --secret --path '{hooks.WebhookKey.KeyPath}' <value>");
    }
}
