using System.Collections.Immutable;
using Infra.Components.Compute;
using Infra.Components.Observability;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// One entry of the <c>services</c> stack output: what the runner needs to shift, smoke-test and roll back a
/// service. Keys: <c>liveColor</c>, <c>weights</c> (blue/green), <c>trafficUrns</c> (the listener or rule carrying
/// the weights), <c>testUrl</c>, <c>testRouteUrn</c>, <c>host</c>/<c>pathPattern</c> when the service has them,
/// <c>healthCheckPath</c> (the runner's default smoke path), <c>previewUrl</c> (the production scheme and the service's
/// host or the load balancer's DNS name), <c>previewHeader</c> (the header's name), <c>previewRouteUrn</c> (the
/// production listener rule that sends requests with the header to the idle color), <c>criticalAlarmNames</c>, <c>desiredCount</c> (the tasks a
/// new color runs before the smoke check; the runner waits for that many healthy targets), <c>containerName</c> and
/// <c>logGroupName</c> (a migration task's command override and log stream), and per color (<c>blue</c>, <c>green</c>): <c>serviceName</c>, <c>serviceUrn</c>,
/// <c>taskDefinitionUrn</c>, <c>taskDefinitionArn</c> (what a migration task runs), <c>scalingTargetUrn</c>, <c>targetGroupArnSuffix</c>, <c>targetGroupArn</c>, <c>gateAlarmNames</c>.
/// <c>trafficRoute</c> (<c>kind</c>: listener | rule, <c>arn</c>) names the weights carrier for the load balancer's API:
/// a rollback switches it directly, before its targeted update.
/// <c>drTier</c> (only with a pilot light): the service's copy in the DR region, <c>trafficUrns</c>, <c>testRouteUrn</c>,
/// <c>previewRouteUrn</c> and per color <c>taskDefinitionUrn</c>, <c>serviceUrn</c>, <c>scalingTargetUrn</c>, which the
/// runner applies once a release or rollback completes.
/// </summary>
public static class ServiceOutputEntry
{
    /// <param name="drCopy">The service in the DR region's pilot light; null without one.</param>
    public static Output<ImmutableDictionary<string, object>> For(
        StackSettings settings, ServedService served, Output<string> testUrl, AlarmCatalog alarms, ServedService? drCopy)
    {
        var primary = PrimaryEntry(settings, served, testUrl, alarms);
        return drCopy is null ? primary : Output.Tuple(primary, DrTierEntry(drCopy)).Apply(values => values.Item1.Add("drTier", values.Item2));
    }

    private static Output<ImmutableDictionary<string, object>> PrimaryEntry(StackSettings settings, ServedService served, Output<string> testUrl, AlarmCatalog alarms)
    {
        var (service, traffic, _) = served;
        return Output.Tuple(
                Output.Tuple(traffic.WeightsCarrier.Urn, traffic.TestRoute.Urn, testUrl, served.Compute.LogGroupName),
                Output.Tuple(traffic.PreviewRoute.Urn, traffic.PreviewUrl, traffic.WeightsCarrierArn),
                ColorEntry(served, alarms, Color.Blue),
                ColorEntry(served, alarms, Color.Green))
            .Apply(values =>
            {
                var ((trafficUrn, testRouteUrn, url, logGroupName), (previewRouteUrn, previewUrl, carrierArn), blue, green) = values;
                var entry = ImmutableDictionary.CreateBuilder<string, object>();
                entry["liveColor"] = service.LiveColor.ToConfigName();
                entry["weights"] = ImmutableDictionary<string, object>.Empty.Add("blue", service.Weights.Blue).Add("green", service.Weights.Green);
                entry["trafficUrns"] = ImmutableArray.Create(trafficUrn);
                entry["trafficRoute"] = ImmutableDictionary<string, object>.Empty
                    .Add("kind", traffic.WeightsCarrierKind.ToOutputName()).Add("arn", carrierArn);
                entry["testUrl"] = url;
                entry["testRouteUrn"] = testRouteUrn;
                entry["previewUrl"] = previewUrl;
                entry["previewHeader"] = settings.LoadBalancer.PreviewHeader;
                entry["previewRouteUrn"] = previewRouteUrn;
                if (service.Host is { } host) entry["host"] = host;
                if (service.PathPattern is { } pathPattern) entry["pathPattern"] = pathPattern;
                entry["healthCheckPath"] = service.HealthCheck.Path;
                entry["criticalAlarmNames"] = alarms.CriticalAlarmNames[service.Name].ToImmutableArray();
                entry["desiredCount"] = ColorCapacity.KeptRunning(service).DesiredCount;
                entry["containerName"] = service.Name;
                entry["logGroupName"] = logGroupName;
                entry["blue"] = blue;
                entry["green"] = green;
                return entry.ToImmutable();
            });
    }

    /// <summary>
    /// The URNs of the service's DR copy, so the runner can apply it once a release or rollback completes: the program
    /// declares it from the same release, but only an update that targets it changes it.
    /// </summary>
    private static Output<ImmutableDictionary<string, object>> DrTierEntry(ServedService drCopy)
    {
        var (_, traffic, compute) = drCopy;
        return Output.Tuple(
                Output.Tuple(traffic.WeightsCarrier.Urn, traffic.TestRoute.Urn, traffic.PreviewRoute.Urn),
                DrColorEntry(compute, Color.Blue),
                DrColorEntry(compute, Color.Green))
            .Apply(values => ImmutableDictionary<string, object>.Empty
                .Add("trafficUrns", ImmutableArray.Create(values.Item1.Item1))
                .Add("testRouteUrn", values.Item1.Item2)
                .Add("previewRouteUrn", values.Item1.Item3)
                .Add("blue", values.Item2)
                .Add("green", values.Item3));
    }

    private static Output<ImmutableDictionary<string, object>> DrColorEntry(BlueGreenService compute, Color color) =>
        Output.Tuple(compute.TaskDefinitions[color].Urn, compute.Services[color].Urn, compute.ScalingTargets[color].Urn)
            .Apply(urns => ImmutableDictionary<string, object>.Empty
                .Add("taskDefinitionUrn", urns.Item1)
                .Add("serviceUrn", urns.Item2)
                .Add("scalingTargetUrn", urns.Item3));

    private static Output<ImmutableDictionary<string, object>> ColorEntry(ServedService served, AlarmCatalog alarms, Color color)
    {
        var (service, traffic, compute) = served;
        return Output.Tuple(
                Output.Tuple(compute.Services[color].Urn, compute.TaskDefinitions[color].Urn, compute.ScalingTargets[color].Urn),
                traffic.TargetGroups[color].ArnSuffix,
                traffic.TargetGroups[color].Arn,
                compute.TaskDefinitions[color].Arn)
            .Apply(values => ImmutableDictionary<string, object>.Empty
                .Add("serviceName", compute.ServiceNames[color])
                .Add("serviceUrn", values.Item1.Item1)
                .Add("taskDefinitionUrn", values.Item1.Item2)
                .Add("scalingTargetUrn", values.Item1.Item3)
                .Add("targetGroupArnSuffix", values.Item2)
                .Add("targetGroupArn", values.Item3)
                .Add("taskDefinitionArn", values.Item4)
                .Add("gateAlarmNames", alarms.GateAlarmNames[service.Name][color].ToImmutableArray()));
    }
}
