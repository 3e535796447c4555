using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// One alarm per synthetic journey (<c>infra:synthetics</c>): its canary's success percent over two runs. A journey
/// marked <c>gate</c> gates the rollouts of its service (every service for a journey by URL), whatever color they move
/// traffic to: the journey walks the production listener, which serves both.
/// </summary>
public static class SyntheticsAlarms
{
    private const double Threshold = 90;

    public static IEnumerable<AlarmDefinition> For(StackSettings settings, Naming naming) =>
        settings.Synthetics.Select(journey =>
        {
            var canary = SyntheticsRules.CanaryName(settings.StackName, journey.Name);
            var target = journey.Url ?? $"{journey.Service}{journey.StartPath}";
            return new AlarmDefinition(AlarmKeys.SyntheticSuccessPercent, naming.AlarmName(null, null, $"journey-{journey.Name}"),
                journey.Service, null, new SingleMetric(Metrics.Canary("SuccessPercent", canary, "Average")),
                // One data point per run; two failed runs in a row alarm, one flaky run does not.
                journey.EveryMinutes * 60, 2, 2, Threshold, Comparison.LessThanThreshold, MissingData.NotBreaching, Severity.High,
                journey.Gate,
                $"journey {journey.Name}: the synthetic journey from {target} failed twice in a row. Open the canary {canary} " +
                "in CloudWatch Synthetics for the failing step, its screenshots and logs." +
                (journey.Gate ? " It gates rollouts: a rollout in progress rolls back." : ""));
        });

    /// <summary>Every canary name of the stack, in stack-file order.</summary>
    public static IEnumerable<string> Canaries(StackSettings settings) =>
        settings.Synthetics.Select(j => SyntheticsRules.CanaryName(settings.StackName, j.Name));
}
