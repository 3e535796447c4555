using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>The default alarms of the shared load balancer.</summary>
public static class LoadBalancerAlarms
{
    private const int Minute = 60;

    public static IEnumerable<AlarmDefinition> For(Naming naming)
    {
        yield return new AlarmDefinition(AlarmKeys.AlbRejectedConnections, naming.AlarmName(null, null, "alb-rejected-connections"), null, null,
            new SingleMetric(Metrics.LoadBalancer("RejectedConnectionCount", "Sum")),
            Minute, 3, 3, 0, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.High, false,
            "The load balancer rejects connections: it reached its connection limit. Check for a traffic spike or attack.");

        yield return new AlarmDefinition(AlarmKeys.AlbElb5xx, naming.AlarmName(null, null, "alb-elb-5xx"), null, null,
            new SingleMetric(Metrics.LoadBalancer("HTTPCode_ELB_5XX_Count", "Sum")),
            Minute, 3, 3, 10, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.High, false,
            "The load balancer itself answers 5xx (usually 502/503: no healthy targets or targets closing connections). " +
            "Check target health and the services' keep-alive timeouts.");
    }
}
