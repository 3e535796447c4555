using Infra.Components.Iam;
using Infra.Stacks.Settings;

namespace Infra.Components.Release;

/// <summary>The deployment strategy and the policy documents of the stack's feature flags, from plain values.</summary>
public static class FeatureFlagPolicies
{
    /// <summary>
    /// AppConfig's growth type for a strategy: <c>LINEAR</c> adds the growth share every interval; <c>EXPONENTIAL</c>
    /// (the canary) starts with the growth share and doubles it.
    /// </summary>
    public static string GrowthType(FlagRolloutStrategy strategy) => strategy == FlagRolloutStrategy.Canary ? "EXPONENTIAL" : "LINEAR";

    /// <summary>
    /// What AppConfig may do with the role it reads its monitor with: read the states of the stack's alarms, the
    /// composite <paramref name="alarmArn"/> and the alarms below it, all named <c>&lt;alarmPrefix&gt;-…</c> (AWS CDK grants
    /// a composite monitor's role every alarm of the account; this is the stack's share of that).
    /// </summary>
    public static PolicyDocument MonitorRole(string alarmArn, string alarmPrefix)
    {
        var alarms = alarmArn[..(alarmArn.IndexOf(":alarm:", StringComparison.Ordinal) + ":alarm:".Length)];
        return new([new PolicyStatement("ReadMonitoredAlarms", ["cloudwatch:DescribeAlarms"], [$"{alarms}{alarmPrefix}-*"])]);
    }

    /// <summary>
    /// What a service's task role may do with the flags: open a configuration session on its own profile in the stack's
    /// environment, and read the latest configuration (the AppConfig agent and the AppConfig Data API both need the two).
    /// </summary>
    public static PolicyDocument ReadProfile(string applicationArn, string environmentId, string profileId) =>
        new([new PolicyStatement("ReadOwnFeatureFlags",
            ["appconfig:StartConfigurationSession", "appconfig:GetLatestConfiguration"],
            [$"{applicationArn}/environment/{environmentId}/configuration/{profileId}"])]);
}
