namespace Infra.Stacks.Settings;

/// <summary>One entry of <c>infra:services</c>: a blue/green pair of Fargate services behind the load balancer.</summary>
/// <param name="Name">The key in <c>infra:services</c>; used in resource names.</param>
/// <param name="Image">Container image per color; the live color's is required.</param>
/// <param name="LiveColor">Default blue.</param>
/// <param name="Weights">Traffic per color, summing to 100. Default: 100 to the live color.</param>
/// <param name="Running">Whether each color runs tasks; the runner keeps the idle color running while it is tested
/// and the old color during the termination wait. Default: only the live color.</param>
/// <param name="Cpu">Fargate CPU units. Default 256.</param>
/// <param name="Memory">Fargate memory in MiB; must pair with Cpu. Default 512.</param>
/// <param name="Architecture">Default x86_64.</param>
/// <param name="ContainerPort">Default 8080.</param>
/// <param name="DesiredCount">Tasks per color while it takes traffic. Default staging 1, production 2.</param>
/// <param name="IdleDesiredCount">Tasks of the idle color. Default 0.</param>
/// <param name="Host">Listener rule host condition; the 2nd and later services need this or PathPattern.</param>
/// <param name="PathPattern">Listener rule path condition, e.g. <c>/api/*</c>.</param>
/// <param name="LogRetentionDays">CloudWatch Logs retention. Default staging 14, production 90.</param>
/// <param name="Environment">Plain environment variables.</param>
/// <param name="Secrets">Environment variable name to Secrets Manager ARN; values are resolved by ECS at start.</param>
/// <param name="LatencyBaselineMs">Expected p99; the p99 alarm fires at twice this. Default 500.</param>
public sealed record ServiceSettings(
    string Name,
    ColorPair<string?> Image,
    Color LiveColor,
    ColorPair<int> Weights,
    ColorPair<bool> Running,
    int Cpu,
    int Memory,
    CpuArchitecture Architecture,
    int ContainerPort,
    int DesiredCount,
    int IdleDesiredCount,
    AutoscalingSettings Autoscaling,
    HealthCheckSettings HealthCheck,
    int DeregistrationDelaySeconds,
    int SlowStartSeconds,
    string? Host,
    string? PathPattern,
    int LogRetentionDays,
    ValueMap<string> Environment,
    ValueMap<string> Secrets,
    int LatencyBaselineMs)
{
    public Color IdleColor => LiveColor.Other();
}

/// <summary>Target tracking on CPU per color. Defaults: min = desiredCount, max = 4 × desiredCount, 60%.</summary>
public sealed record AutoscalingSettings(int Min, int Max, int CpuTargetPercent);

/// <summary>Target group health check. Defaults: <c>/</c>, 15 s, 3 healthy, 3 unhealthy.</summary>
public sealed record HealthCheckSettings(string Path, int IntervalSeconds, int HealthyThreshold, int UnhealthyThreshold);
