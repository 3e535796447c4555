namespace Infra.Stacks.Settings;

/// <summary>
/// Everything one stack file says, typed, with environment defaults applied and validated.
/// Built only by <see cref="Loading.StackSettingsLoader"/>.
/// </summary>
/// <param name="StackName">The Pulumi stack name, e.g. <c>staging</c>.</param>
/// <param name="Region">The primary AWS region (<c>aws:region</c>).</param>
/// <param name="DrRegion">The disaster-recovery region (<c>infra:drRegion</c>); null when the stack has no DR.</param>
/// <param name="Services">In stack-file order; the first serves the load balancer's default action.</param>
/// <param name="Images">Where images may come from (<c>infra:images</c>).</param>
/// <param name="AlarmOverrides">Per alarm key (see <see cref="Validation.AlarmKeys"/>); only what the stack changes.</param>
/// <param name="ReleaseGuard">Whether the stack declares the release guard (<c>infra:releaseGuard</c>).</param>
public sealed record StackSettings(
    string StackName,
    StackEnvironment Environment,
    string Region,
    string? DrRegion,
    NetworkSettings Network,
    LoadBalancerSettings LoadBalancer,
    ValueList<ServiceSettings> Services,
    DatabaseSettings Database,
    DrSettings Dr,
    AlertingSettings Alerting,
    ValueMap<AlarmOverride> AlarmOverrides,
    RolloutSettings Rollout,
    ImageSettings Images,
    ReleaseGuardSettings ReleaseGuard)
{
    /// <summary><c>infra:synthetics</c>: the user journeys canaries walk. Default: none.</summary>
    public ValueList<SyntheticJourneySettings> Synthetics { get; init; } = ValueList<SyntheticJourneySettings>.Empty;

    /// <summary><c>infra:featureFlags</c>: the services' AppConfig feature flags. Default: none (no AppConfig resources).</summary>
    public ValueList<FeatureFlagSettings> FeatureFlags { get; init; } = ValueList<FeatureFlagSettings>.Empty;

    /// <summary><c>infra:featureFlagRollout</c>: how a flag change rolls out.</summary>
    public FeatureFlagRolloutSettings FeatureFlagRollout { get; init; } = new(FlagRolloutStrategy.Linear, 0, 0, 20);

    public bool IsProduction => Environment == StackEnvironment.Production;

    /// <summary>The service that answers the load balancer's default action.</summary>
    public ServiceSettings DefaultService => Services[0];

    /// <summary>The service called <paramref name="name"/>; throws when the stack has none.</summary>
    public ServiceSettings Service(string name) =>
        Services.FirstOrDefault(s => s.Name == name)
        ?? throw new KeyNotFoundException($"stack {StackName} has no service '{name}'");
}
