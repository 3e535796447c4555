using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:services</c>, keeping the file's order (the first service serves the default action).</summary>
public static class ServiceBinder
{
    public static ValueList<ServiceSettings> BindAll(MapReader services, StackDefaults defaults) =>
        services.Entries
            .Select(e => Bind(e.Key, MapReader.Open(e.Value, services.PathOf(e.Key), services.Diagnostics), defaults))
            .ToValueList();

    private static ServiceSettings Bind(string name, MapReader service, StackDefaults defaults)
    {
        var image = service.Map("image");
        var images = new ColorPair<string?>(image.String("blue"), image.String("green"));
        image.ReportUnknownKeys();

        var liveColor = service.Enum<Color>("liveColor") ?? Color.Blue;
        var weights = BindWeights(service, liveColor);
        var desiredCount = service.Int("desiredCount") ?? defaults.DesiredCount;

        var settings = new ServiceSettings(
            Name: name,
            Image: images,
            LiveColor: liveColor,
            Weights: weights,
            Running: BindRunning(service, liveColor),
            Cpu: service.Int("cpu") ?? defaults.Cpu,
            Memory: service.Int("memory") ?? defaults.Memory,
            Architecture: service.Enum<CpuArchitecture>("architecture") ?? defaults.Architecture,
            ContainerPort: service.Int("containerPort") ?? defaults.ContainerPort,
            DesiredCount: desiredCount,
            IdleDesiredCount: service.Int("idleDesiredCount") ?? defaults.IdleDesiredCount,
            Autoscaling: BindAutoscaling(service.Map("autoscaling"), defaults, desiredCount),
            HealthCheck: BindHealthCheck(service.Map("healthCheck"), defaults),
            DeregistrationDelaySeconds: service.Int("deregistrationDelaySeconds") ?? defaults.DeregistrationDelaySeconds,
            SlowStartSeconds: service.Int("slowStartSeconds") ?? defaults.SlowStartSeconds,
            Host: service.String("host"),
            PathPattern: service.String("pathPattern"),
            LogRetentionDays: service.Int("logRetentionDays") ?? defaults.LogRetentionDays,
            Environment: service.StringMap("environment") ?? ValueMap<string>.Empty,
            Secrets: service.StringMap("secrets") ?? ValueMap<string>.Empty,
            LatencyBaselineMs: service.Int("latencyBaselineMs") ?? defaults.LatencyBaselineMs);
        service.ReportUnknownKeys();
        return settings;
    }

    // Without weights all traffic goes to the live color; a color left out of the map gets 0.
    private static ColorPair<int> BindWeights(MapReader service, Color liveColor)
    {
        var hasWeights = service.Has("weights");
        var weights = service.Map("weights");
        var pair = hasWeights
            ? new ColorPair<int>(weights.Int("blue") ?? 0, weights.Int("green") ?? 0)
            : new ColorPair<int>(0, 0).With(liveColor, 100);
        weights.ReportUnknownKeys();
        return pair;
    }

    // A color left out runs only when it is live.
    private static ColorPair<bool> BindRunning(MapReader service, Color liveColor)
    {
        var running = service.Map("running");
        var pair = new ColorPair<bool>(
            running.Bool("blue") ?? liveColor == Color.Blue,
            running.Bool("green") ?? liveColor == Color.Green);
        running.ReportUnknownKeys();
        return pair;
    }

    private static AutoscalingSettings BindAutoscaling(MapReader autoscaling, StackDefaults defaults, int desiredCount)
    {
        var settings = new AutoscalingSettings(
            Min: autoscaling.Int("min") ?? desiredCount,
            Max: autoscaling.Int("max") ?? Math.Max(1, desiredCount * defaults.AutoscalingMaxFactor),
            CpuTargetPercent: autoscaling.Int("cpuTargetPercent") ?? defaults.CpuTargetPercent);
        autoscaling.ReportUnknownKeys();
        return settings;
    }

    private static HealthCheckSettings BindHealthCheck(MapReader healthCheck, StackDefaults defaults)
    {
        var settings = new HealthCheckSettings(
            Path: healthCheck.String("path") ?? defaults.HealthCheckPath,
            IntervalSeconds: healthCheck.Int("intervalSeconds") ?? defaults.HealthCheckIntervalSeconds,
            HealthyThreshold: healthCheck.Int("healthyThreshold") ?? defaults.HealthyThreshold,
            UnhealthyThreshold: healthCheck.Int("unhealthyThreshold") ?? defaults.UnhealthyThreshold);
        healthCheck.ReportUnknownKeys();
        return settings;
    }
}
