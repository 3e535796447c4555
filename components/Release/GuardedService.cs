using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Release;

/// <summary>One service the guard may move back: where its weights live and the alarms that make it act.</summary>
/// <param name="Name">The service's name in settings.</param>
/// <param name="Kind">Listener for the default service, rule for the others (see <see cref="ServiceTraffic.WeightsCarrier"/>).</param>
/// <param name="RouteArn">The ARN of that listener or rule.</param>
/// <param name="Alarms">Every gate alarm (both colors, each with its color) and critical alarm the runner watches for the service.</param>
public sealed record GuardedService(
    string Name,
    TrafficRouteKind Kind,
    Output<string> RouteArn,
    ColorPair<Output<string>> TargetGroupArns,
    IReadOnlyList<WatchedAlarm> Alarms)
{
    public static GuardedService For(string name, ServiceTraffic traffic, IReadOnlyList<WatchedAlarm> alarms) => new(
        name,
        traffic.WeightsCarrierKind,
        traffic.WeightsCarrierArn,
        new ColorPair<Output<string>>(traffic.TargetGroups.Blue.Arn, traffic.TargetGroups.Green.Arn),
        alarms);
}
