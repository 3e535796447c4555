using System.Runtime.CompilerServices;

namespace TestSupport;

/// <summary>
/// Removes, before any test of the assembly runs, the variables of the shell that started the tests which the runner,
/// the program, the ledger and the SDKs read: Pulumi's backend and engine variables, AWS endpoints, profiles, regions
/// and credentials, the runner's Slack webhook and CI identity, and PostgreSQL's client defaults. With one of them set
/// (say <c>PULUMI_BACKEND_URL</c>), every test's stack state would land in one folder that another checkout's tests
/// share, or a test would post to a real Slack channel. Processes the tests start inherit the cleaned environment; a
/// test that needs one of these sets it itself. The SDK's shared config files (<c>~/.aws</c>) are pointed at a path
/// that does not exist, so they are not read either.
/// </summary>
internal static class AmbientEnvironment
{
    private static readonly string[] Exact =
    [
        "PULUMI_BACKEND_URL", "PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS", "PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_DRY_RUN",
        "PULUMI_OFFLINE_RUN_REPORT", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE", "PULUMI_ACCESS_TOKEN",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION",
        "INFRA_SLACK_WEBHOOK_URL", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID", "DATABASE_HOST",
    ];

    // AWS_ENDPOINT_URL and every AWS_ENDPOINT_URL_<SERVICE>; libpq's PGHOST, PGPASSWORD, PGSSLMODE… which Npgsql reads.
    private static readonly string[] Prefixes = ["AWS_ENDPOINT_URL", "PG"];

#pragma warning disable CA2255 // A test assembly, not a library: this must run before the first test, whichever it is.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Clear()
    {
        var names = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => Exact.Contains(name, StringComparer.Ordinal) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
        foreach (var name in names.ToList()) Environment.SetEnvironmentVariable(name, null);
        var nowhere = Path.Combine(AppContext.BaseDirectory, "no-shared-aws-config");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", nowhere);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", nowhere);
    }
}
