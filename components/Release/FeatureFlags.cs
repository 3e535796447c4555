using Infra.Components.Conventions;
using Infra.Components.Iam;
using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.AppConfig;
using Pulumi.Aws.AppConfig.Inputs;
using Pulumi.Aws.Iam;
// System and Pulumi declare an Environment and a Deployment too: AppConfig's are named by alias.
using Deployment = Pulumi.Aws.AppConfig.Deployment;
using DeploymentArgs = Pulumi.Aws.AppConfig.DeploymentArgs;
using Environment = Pulumi.Aws.AppConfig.Environment;

namespace Infra.Components.Release;

/// <summary>Inputs of <see cref="FeatureFlags"/>.</summary>
public sealed class FeatureFlagsArgs
{
    /// <summary>The validated settings: <c>infra:featureFlags</c> and <c>infra:featureFlagRollout</c>.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>
    /// The alarm whose ALARM rolls a flag deployment back: the stack's critical composite
    /// (<c>AlarmCatalog.StackCriticalAlarmArn</c>), one monitor for any number of critical alarms. Null: no monitor (the
    /// stack has no critical alarm).
    /// </summary>
    public required Output<string>? MonitorAlarmArn { get; init; }

    /// <summary>Per service, its task role's name: it gets read access to that service's profile only.</summary>
    public required IReadOnlyDictionary<string, Output<string>> TaskRoleNames { get; init; }
}

/// <summary>
/// The stack's feature flags released like code: an AppConfig application and the stack's environment, whose monitor
/// is the stack's critical composite alarm (read through a role of its own), a deployment strategy from
/// <c>infra:featureFlagRollout</c>, and per service with flags a feature-flag profile, its hosted version
/// (<see cref="FeatureFlagDocument"/>) and its deployment. A flag change is a new version deployed by the strategy; an
/// alarm during the rollout or the bake time rolls it back.
/// </summary>
public sealed class FeatureFlags : ComponentResource
{
    /// <summary>Per service with flags, its configuration profile.</summary>
    public IReadOnlyDictionary<string, ConfigurationProfile> Profiles { get; }

    public FeatureFlags(string name, FeatureFlagsArgs args, ComponentResourceOptions? options = null)
        : base("infra:release:FeatureFlags", name, options)
    {
        var settings = args.Settings;
        var naming = StackConventions.Naming(settings);
        var child = new CustomResourceOptions { Parent = this };

        var application = new Application($"{name}-app", new ApplicationArgs
        {
            Name = naming.Prefix,
            Description = $"Feature flags of {naming.Prefix}",
            Tags = StackConventions.Tags(settings, $"{name}-app"),
        }, child);
        var environmentArgs = new EnvironmentArgs
        {
            ApplicationId = application.Id,
            Name = settings.StackName,
            Description = "Rolls a flag deployment back when a critical alarm of the stack fires",
            Tags = StackConventions.Tags(settings, $"{name}-env"),
        };
        // One composite alarm, not the critical alarms themselves: an environment takes at most 5 monitors, and AppConfig
        // accepts a composite alarm as a monitor (AWS CDK's aws-appconfig Monitor docs: Monitor.fromCloudWatchAlarm(compositeAlarm)).
        // AppConfig also rolls back on INSUFFICIENT_DATA; a composite's rule counts only ALARM, so a member without data
        // (an idle color) does not roll a flag back.
        if (args.MonitorAlarmArn is { } monitor)
            environmentArgs.Monitors.Add(new EnvironmentMonitorArgs
            {
                AlarmArn = monitor,
                AlarmRoleArn = ServiceRole.Declare(this, $"{name}-monitor-role", $"{name}-monitor-permissions", "appconfig.amazonaws.com",
                    "AppConfig reads the alarms that roll a flag deployment back",
                    monitor.Apply(arn => FeatureFlagPolicies.MonitorRole(arn, naming.Prefix).ToJson()), settings, $"{name}-monitor-role"),
            });
        var environment = new Environment($"{name}-env", environmentArgs, child);
        var rollout = settings.FeatureFlagRollout;
        var strategy = new DeploymentStrategy($"{name}-strategy", new DeploymentStrategyArgs
        {
            Name = naming.Resource("flags", rollout.Strategy.ToConfigName()),
            Description = $"{rollout.Strategy.ToConfigName()} over {rollout.DurationMinutes} min, then {rollout.BakeMinutes} min watching the alarms",
            DeploymentDurationInMinutes = rollout.DurationMinutes,
            FinalBakeTimeInMinutes = rollout.BakeMinutes,
            GrowthFactor = rollout.GrowthPercent,
            GrowthType = FeatureFlagPolicies.GrowthType(rollout.Strategy),
            ReplicateTo = "NONE",
            Tags = StackConventions.Tags(settings, $"{name}-strategy"),
        }, child);

        var profiles = new Dictionary<string, ConfigurationProfile>();
        Resource? previous = null;
        foreach (var service in settings.Services)
        {
            var flags = FeatureFlagDocument.FlagsOf(settings, service.Name);
            if (flags.Count == 0) continue;
            var profile = new ConfigurationProfile($"{name}-{service.Name}", new ConfigurationProfileArgs
            {
                ApplicationId = application.Id,
                Name = service.Name,
                Description = $"Feature flags of {service.Name}",
                LocationUri = "hosted",
                Type = FeatureFlagDocument.ProfileType,
                Tags = StackConventions.Tags(settings, $"{name}-{service.Name}"),
            }, child);
            var version = new HostedConfigurationVersion($"{name}-{service.Name}-version", new HostedConfigurationVersionArgs
            {
                ApplicationId = application.Id,
                ConfigurationProfileId = profile.ConfigurationProfileId,
                Content = FeatureFlagDocument.For(flags),
                ContentType = FeatureFlagDocument.ContentType,
                Description = $"{string.Join(", ", flags.Select(f => f.Name))} from the stack file",
            }, child);
            // AppConfig runs one deployment per environment at a time: each service's waits for the one before.
            var deploymentOptions = new CustomResourceOptions { Parent = this };
            if (previous is not null) deploymentOptions.DependsOn.Add(previous);
            previous = new Deployment($"{name}-{service.Name}-deployment", new DeploymentArgs
            {
                ApplicationId = application.Id,
                EnvironmentId = environment.EnvironmentId,
                ConfigurationProfileId = profile.ConfigurationProfileId,
                ConfigurationVersion = version.VersionNumber.Apply(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                DeploymentStrategyId = strategy.Id,
                Description = "Feature flags from the stack file",
                Tags = StackConventions.Tags(settings, $"{name}-{service.Name}-deployment"),
            }, deploymentOptions);
            if (args.TaskRoleNames.TryGetValue(service.Name, out var taskRole))
            {
                _ = new RolePolicy($"{name}-{service.Name}-read", new RolePolicyArgs
                {
                    Role = taskRole,
                    Policy = Output.Tuple(application.Arn, environment.EnvironmentId, profile.ConfigurationProfileId)
                        .Apply(t => FeatureFlagPolicies.ReadProfile(t.Item1, t.Item2, t.Item3).ToJson()),
                }, child);
            }
            profiles[service.Name] = profile;
        }
        Profiles = profiles;
        RegisterOutputs(new Dictionary<string, object?> { ["applicationId"] = application.Id, ["environmentId"] = environment.EnvironmentId });
    }
}
