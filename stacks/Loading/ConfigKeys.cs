namespace Infra.Stacks.Loading;

/// <summary>The top-level config keys the settings read; the program asks Pulumi config for each.</summary>
public static class ConfigKeys
{
    /// <summary>The project's config namespace (the Pulumi project name).</summary>
    public const string Namespace = "infra";

    public const string AwsRegion = "aws:region";
    public const string Environment = "infra:environment";
    public const string DrRegion = "infra:drRegion";
    public const string Network = "infra:network";
    public const string LoadBalancer = "infra:loadBalancer";
    public const string Services = "infra:services";
    public const string Images = "infra:images";
    public const string Database = "infra:database";
    public const string Dr = "infra:dr";
    public const string Alerting = "infra:alerting";
    public const string Alarms = "infra:alarms";
    public const string Rollout = "infra:rollout";
    public const string ReleaseGuard = "infra:releaseGuard";
    public const string Synthetics = "infra:synthetics";
    public const string FeatureFlags = "infra:featureFlags";
    public const string FeatureFlagRollout = "infra:featureFlagRollout";

    /// <summary>Where older runners kept the rollout in progress; the release ledger holds it now.</summary>
    public const string RetiredRolloutInProgress = "infra:rolloutInProgress";

    /// <summary>The settings' secrets: the only places a stack file may hold a <c>secure:</c> value of ours.</summary>
    public static IReadOnlyList<string> SecretPaths { get; } =
    [
        "infra:alerting.slackWebhookUrl", "infra:alerting.pagerUrl",
        "infra:alerting.slackWebhookUrls.critical", "infra:alerting.slackWebhookUrls.high",
        "infra:alerting.slackWebhookUrls.medium", "infra:alerting.slackWebhookUrls.low",
        "infra:rollout.hooks.webhookKey",
    ];

    /// <summary>The settings' lists of secrets: each item (<c>key[i]</c>) is a <c>secure:</c> value.</summary>
    public static IReadOnlyList<string> SecretListPaths { get; } = ["infra:alerting.smsNumbers"];

    /// <summary>Whether a stack file may hold a <c>secure:</c> value of ours at <paramref name="path"/>.</summary>
    public static bool IsSecretPath(string path) =>
        SecretPaths.Contains(path) || SecretListPaths.Any(list => path.StartsWith(list + "[", StringComparison.Ordinal) && path.EndsWith(']'));

    /// <summary>The places <see cref="IsSecretPath"/> allows, for messages.</summary>
    public static IEnumerable<string> SecretPathsShown => SecretPaths.Concat(SecretListPaths.Select(list => $"{list}[i]"));

    /// <summary>
    /// The namespaces a stack file may use: ours, and the AWS provider's (<c>aws:region</c> is read; every other
    /// <c>aws:</c> key, e.g. <c>aws:profile</c>, configures the provider and is left to it).
    /// </summary>
    public static IReadOnlyList<string> Namespaces { get; } = [Namespace, "aws"];

    /// <summary>Every known top-level key, in the order Pulumi.yaml documents them.</summary>
    public static IReadOnlyList<string> TopLevel { get; } =
    [
        AwsRegion, Environment, DrRegion, Network, LoadBalancer, Services, Images,
        Database, Dr, Alerting, Alarms, Rollout, ReleaseGuard,
        Synthetics, FeatureFlags, FeatureFlagRollout,
    ];

    /// <summary>Keys whose value is plain text; all others hold a map (JSON text in Pulumi's config values).</summary>
    public static IReadOnlySet<string> Scalars { get; } = new HashSet<string> { AwsRegion, Environment, DrRegion };

    /// <summary>
    /// Whether the settings read this key: our namespace and <c>aws:region</c>. Other namespaces
    /// (e.g. <c>aws:profile</c>) configure providers and are left to Pulumi.
    /// </summary>
    public static bool IsOurs(string key) => key == AwsRegion || key.StartsWith(Namespace + ":", StringComparison.Ordinal);

    /// <summary>The part of a qualified key before the colon: <c>infra</c> for <c>infra:environment</c>.</summary>
    public static string NamespaceOf(string key) => key[..Math.Max(0, key.IndexOf(':'))];

    /// <summary>Pulumi reads a key without a namespace as the project's: <c>environment</c> is <c>infra:environment</c>.</summary>
    public static string Qualify(string key) => key.Contains(':') ? key : $"{Namespace}:{key}";
}
