using System.Collections.Immutable;
using Infra.Components.Traffic;
using Pulumi;

namespace Infra;

/// <summary>
/// The <c>dr</c> stack output: what <c>failover</c> and <c>failback</c> act on besides <c>database</c> and
/// <c>services</c>. Kept in the Pulumi backend, so the runner reads it when the primary region is gone:
/// <code>
/// dr.healthCheckId                          the calculated Route 53 health check on the PRIMARY failover record (null without infra:dr.dns)
/// dr.primary.clusterName, dr.dr.clusterName the ECS cluster of each region (dr.dr is null without a pilot light)
/// dr.&lt;side&gt;.services.&lt;name&gt;.blue|green    each color's ECS service name in that region
/// dr.dr.routes.&lt;name&gt;                      the DR load balancer's weights carrier of the service: kind (listener | rule), arn,
///                                           blueTargetGroupArn, greenTargetGroupArn; failover reads which colors it forwards to
/// dr.criticalTopicArn                       the DR region's critical alerting topic, which the DR commands page (null when the DR region has no alerting)
/// </code>
/// </summary>
public static class DrOutputEntry
{
    public static Output<ImmutableDictionary<string, object?>> For(
        ServingTier primary, ServingTier? pilotLight, Output<string>? healthCheckId, Output<string>? criticalTopicArn) =>
        Output.Tuple(Side(primary), pilotLight is null ? Output.Create((ImmutableDictionary<string, object>?)null) : WithRoutes(pilotLight).Apply(s => (ImmutableDictionary<string, object>?)s),
                Optional(healthCheckId), Optional(criticalTopicArn))
            .Apply(values => ImmutableDictionary<string, object?>.Empty
                .Add("healthCheckId", values.Item3)
                .Add("primary", values.Item1)
                .Add("dr", values.Item2)
                .Add("criticalTopicArn", values.Item4));

    private static Output<string?> Optional(Output<string>? value) => value?.Apply(v => (string?)v) ?? Output.Create((string?)null);

    private static Output<ImmutableDictionary<string, object>> Side(ServingTier tier) =>
        tier.Cluster.Name.Apply(cluster => ImmutableDictionary<string, object>.Empty
            .Add("clusterName", cluster)
            .Add("services", tier.Services.ToImmutableDictionary(
                s => s.Settings.Name,
                s => (object)ImmutableDictionary<string, object>.Empty
                    .Add("blue", s.Compute.ServiceNames.Blue)
                    .Add("green", s.Compute.ServiceNames.Green))));

    /// <summary>
    /// The DR side with each service's weights carrier: a DR tier update that failed leaves that load balancer forwarding
    /// to colors the ledger's release no longer routes to, and failover scales those too.
    /// </summary>
    private static Output<ImmutableDictionary<string, object>> WithRoutes(ServingTier tier) =>
        Output.Tuple(Side(tier), Output.All(tier.Services.Select(Route)))
            .Apply(values => values.Item1.Add("routes", values.Item2.ToImmutableDictionary(r => r.Name, r => (object)r.Entry)));

    private static Output<(string Name, ImmutableDictionary<string, object> Entry)> Route(ServedService served) =>
        Output.Tuple(served.Traffic.WeightsCarrierArn, served.Traffic.TargetGroups.Blue.Arn, served.Traffic.TargetGroups.Green.Arn)
            .Apply(arns => (served.Settings.Name, ImmutableDictionary<string, object>.Empty
                .Add("kind", served.Traffic.WeightsCarrierKind.ToOutputName())
                .Add("arn", arns.Item1)
                .Add("blueTargetGroupArn", arns.Item2)
                .Add("greenTargetGroupArn", arns.Item3)));
}
