using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// One alarm per synthetic journey (<c>infra:synthetics</c>): its canary's success percent over two runs. A journey
/// marked <c>gate</c> gates the rollouts of its service (every service for a journey by URL), whatever color they move
/// traffic to: the journey walks the production listener, which serves both. While the DR region is promoted the
/// journeys run there too (<see cref="RunInDr"/>), each with an alarm of the DR region, named
/// <c>&lt;project&gt;-&lt;stack&gt;-dr-journey-&lt;name&gt;</c> and routed to the DR region's topics. Those gate
/// nothing: rollouts shift the primary region's weights only, and the runner reads only the primary's gates.
/// </summary>
public static class SyntheticsAlarms
{
    private const double Threshold = 90;

    /// <summary>
    /// Whether the journeys also run in the DR region: while it is promoted (<c>dr.promote</c>, which the program sets
    /// from the ledger's <c>drPromoted</c>), since that is where users are then served from.
    /// </summary>
    public static bool RunInDr(StackSettings settings) => settings.Dr.Promote && settings.DrRegion is not null;

    /// <summary>The journey's canary name in that region: <c>&lt;stack&gt;-&lt;name&gt;</c>, <c>&lt;stack&gt;-dr-&lt;name&gt;</c> in the DR region.</summary>
    public static string CanaryName(StackSettings settings, SyntheticJourneySettings journey, AlarmRegion region) =>
        region == AlarmRegion.Dr
            ? SyntheticsRules.DrCanaryName(settings.StackName, journey.Name)
            : SyntheticsRules.CanaryName(settings.StackName, journey.Name);

    public static IEnumerable<AlarmDefinition> For(StackSettings settings, Naming naming) =>
        settings.Synthetics.Select(journey => Alarm(settings, naming, journey, AlarmRegion.Primary))
            .Concat(RunInDr(settings)
                ? settings.Synthetics.Select(journey => Alarm(settings, PilotLightAlarms.NamingFor(naming), journey, AlarmRegion.Dr))
                : []);

    /// <summary>Every canary name of the stack, in stack-file order, the primary region's first.</summary>
    public static IEnumerable<string> Canaries(StackSettings settings) =>
        Regions(settings).SelectMany(region => settings.Synthetics.Select(j => CanaryName(settings, j, region)));

    private static IEnumerable<AlarmRegion> Regions(StackSettings settings) =>
        RunInDr(settings) ? [AlarmRegion.Primary, AlarmRegion.Dr] : [AlarmRegion.Primary];

    private static AlarmDefinition Alarm(StackSettings settings, Naming naming, SyntheticJourneySettings journey, AlarmRegion region)
    {
        var canary = CanaryName(settings, journey, region);
        var target = journey.Url ?? $"{journey.Service}{journey.StartPath}";
        var gates = journey.Gate && region == AlarmRegion.Primary;
        var where = region == AlarmRegion.Dr ? $" in the promoted DR region ({settings.DrRegion})" : "";
        return new AlarmDefinition(AlarmKeys.SyntheticSuccessPercent, naming.AlarmName(null, null, $"journey-{journey.Name}"),
            journey.Service, null, new SingleMetric(Metrics.Canary("SuccessPercent", canary, "Average")),
            // One data point per run; two failed runs in a row alarm, one flaky run does not.
            journey.EveryMinutes * 60, 2, 2, Threshold, Comparison.LessThanThreshold, MissingData.NotBreaching, Severity.High,
            gates,
            $"journey {journey.Name}{where}: the synthetic journey from {target} failed twice in a row. Open the canary {canary} " +
            "in CloudWatch Synthetics for the failing step, its screenshots and logs." +
            (gates ? " It gates rollouts: a rollout in progress rolls back." : ""),
            region);
    }
}
