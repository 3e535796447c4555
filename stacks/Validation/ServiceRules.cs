using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:services</c>: each service alone, then how services share the load balancer.</summary>
public static partial class ServiceRules
{
    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NameShape();

    /// <summary>
    /// The longest service name whose target group names (<c>[dr-]alb-&lt;service&gt;-tg-green</c>) still leave room for
    /// the suffix Pulumi adds within AWS's 32-character limit.
    /// </summary>
    public const int MaxNameLength = 11;

    public const int MaxNameLengthWithPilotLight = 8;

    /// <summary>An ALB target group's health check path: 1 to 1024 characters.</summary>
    public const int MaxHealthCheckPathLength = 1024;

    /// <summary>An ALB listener rule's path-pattern value: up to 128 characters.</summary>
    public const int MaxPathPatternLength = 128;

    /// <param name="pilotLight">Whether the services are declared a second time, in the DR region.</param>
    public static void Validate(ValueList<ServiceSettings> services, bool pilotLight, Diagnostics d)
    {
        if (services.Count == 0)
            d.Error(ConfigKeys.Services, "required; define at least one service");
        var maxNameLength = pilotLight ? MaxNameLengthWithPilotLight : MaxNameLength;
        foreach (var service in services)
        {
            var path = KeyPath.Child(ConfigKeys.Services, service.Name);
            ValidateService(service, path, d);
            if (service.Name.Length > maxNameLength)
                d.Error(path, $"{Shown.Text(service.Name)} is {service.Name.Length} characters; at most {MaxNameLength} ({MaxNameLengthWithPilotLight} with a pilot light), " +
                    "so its target group names fit AWS's 32-character limit");
        }
        ValidateRouting(services, d);
    }

    private static void ValidateService(ServiceSettings s, string path, Diagnostics d)
    {
        if (!NameShape().IsMatch(s.Name))
            d.Error(path, $"{Shown.Text(s.Name)} is not a valid service name; use lower-case letters, digits and hyphens, starting with a letter");

        ValidateTraffic(s, path, d);
        ValidateSize(s, path, d);

        d.CheckRange($"{path}.containerPort", s.ContainerPort, 1, 65535);
        d.CheckAtLeast($"{path}.desiredCount", s.DesiredCount, 0);
        d.CheckAtLeast($"{path}.idleDesiredCount", s.IdleDesiredCount, 0);
        var minOk = d.CheckAtLeast($"{path}.autoscaling.min", s.Autoscaling.Min, 0);
        var maxOk = d.CheckAtLeast($"{path}.autoscaling.max", s.Autoscaling.Max, 1);
        if (minOk && maxOk && s.Autoscaling.Min > s.Autoscaling.Max)
            d.Error($"{path}.autoscaling",
                $"min {s.Autoscaling.Min} is greater than max {s.Autoscaling.Max}; min must not exceed max");
        d.CheckRange($"{path}.autoscaling.cpuTargetPercent", s.Autoscaling.CpuTargetPercent, 1, 100);

        CheckPath($"{path}.healthCheck.path", s.HealthCheck.Path, MaxHealthCheckPathLength, d);
        d.CheckRange($"{path}.healthCheck.intervalSeconds", s.HealthCheck.IntervalSeconds, 5, 300);
        d.CheckRange($"{path}.healthCheck.healthyThreshold", s.HealthCheck.HealthyThreshold, 2, 10);
        d.CheckRange($"{path}.healthCheck.unhealthyThreshold", s.HealthCheck.UnhealthyThreshold, 2, 10);
        d.CheckRange($"{path}.deregistrationDelaySeconds", s.DeregistrationDelaySeconds, 0, 3600);
        if (s.SlowStartSeconds != 0 && s.SlowStartSeconds is < 30 or > 900)
            d.Error($"{path}.slowStartSeconds", $"{s.SlowStartSeconds} is out of range; allowed 0 (off) or 30 to 900");
        if (s.PathPattern is { } pathPattern)
            CheckPath($"{path}.pathPattern", pathPattern, MaxPathPatternLength, d);

        if (LogRetention.Problem(s.LogRetentionDays) is { } retention) d.Error($"{path}.logRetentionDays", retention);
        d.CheckAtLeast($"{path}.latencyBaselineMs", s.LatencyBaselineMs, 1);
        ValidateSecrets(s, path, d);
        ContainerEnvironment.Validate(s, path, d);
    }

    private static void ValidateTraffic(ServiceSettings s, string path, Diagnostics d)
    {
        var blueOk = d.CheckRange($"{path}.weights.blue", s.Weights.Blue, 0, 100);
        var greenOk = d.CheckRange($"{path}.weights.green", s.Weights.Green, 0, 100);
        var sum = s.Weights.Blue + s.Weights.Green;
        if (blueOk && greenOk && sum != 100)
            d.Error($"{path}.weights", $"blue {s.Weights.Blue} + green {s.Weights.Green} = {sum}, weights must sum to 100");

        foreach (var color in Enum.GetValues<Color>())
        {
            var name = color.ToConfigName();
            if (s.Image[color] is { Length: > 0 } image)
            {
                if (!ImageReference.IsValid(image))
                    d.Error($"{path}.image.{name}", $"{Shown.Text(image)} is not an image reference; expected {ImageReference.AllowedForm}");
                continue;
            }
            if (color == s.LiveColor)
                d.Error($"{path}.image.{name}", $"required, because {name} is the live color");
            else if (s.Weights[color] > 0)
                d.Error($"{path}.image.{name}", $"required, because {name} takes {s.Weights[color]}% of the traffic");
        }
    }

    private static void ValidateSize(ServiceSettings s, string path, Diagnostics d)
    {
        if (!FargateSizes.IsValidCpu(s.Cpu))
            d.Error($"{path}.cpu", $"{s.Cpu} is not a Fargate cpu size; valid pairs: {FargateSizes.Describe()}");
        else if (!FargateSizes.IsValidPair(s.Cpu, s.Memory))
            d.Error($"{path}.memory",
                $"cpu {s.Cpu} with memory {s.Memory} is not a valid Fargate pair; valid pairs: {FargateSizes.Describe()}");
    }

    private static void ValidateSecrets(ServiceSettings s, string path, Diagnostics d)
    {
        foreach (var (name, arn) in s.Secrets)
        {
            if (!arn.StartsWith("arn:aws:secretsmanager:", StringComparison.Ordinal))
                d.Error($"{path}.secrets.{name}",
                    $"{Shown.Text(arn)} is not a Secrets Manager ARN; expected arn:aws:secretsmanager:<region>:<account>:secret:<name>");
            if (s.Environment.ContainsKey(name))
                d.Error($"{path}.secrets.{name}", "also set in environment; a variable comes from environment or secrets, not both");
        }
    }

    // The first service answers the default action; every other one needs its own listener rule condition.
    private static void ValidateRouting(ValueList<ServiceSettings> services, Diagnostics d)
    {
        var claimed = new Dictionary<(string? Host, string? Path), string>();
        foreach (var (service, index) in services.Select((s, i) => (s, i)))
        {
            var path = KeyPath.Child(ConfigKeys.Services, service.Name);
            if (service.Host is null && service.PathPattern is null)
            {
                if (index > 0)
                    d.Error(path, $"needs a host or pathPattern; only the first service ({services[0].Name}) serves the default action");
                continue;
            }

            var condition = (service.Host, service.PathPattern);
            if (claimed.TryGetValue(condition, out var owner))
                d.Error(path, $"{DescribeCondition(service)} is already claimed by service {owner}; give each service its own host or path pattern");
            else
                claimed[condition] = service.Name;
        }
    }

    private static string DescribeCondition(ServiceSettings s) => (s.Host, s.PathPattern) switch
    {
        ({ } host, { } pattern) => $"host '{host}' with path pattern '{pattern}'",
        ({ } host, null) => $"host '{host}'",
        _ => $"path pattern '{s.PathPattern}'",
    };

    private static void CheckPath(string path, string value, int maxLength, Diagnostics d)
    {
        if (!value.StartsWith('/'))
            d.Error(path, $"{Shown.Text(value)} must start with /");
        if (value.Length > maxLength)
            d.Error(path, $"{Shown.Text(value)} is {value.Length} characters; the load balancer allows at most {maxLength}");
    }
}
