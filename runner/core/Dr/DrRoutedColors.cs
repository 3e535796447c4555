namespace Infra.Runner.Dr;

/// <summary>
/// Which DR services failover scales, and fail-back undoing a switchover (it restores what failover started): the colors the ledger's release routes to (<see cref="DrRegionSide.Services"/>)
/// and every color the DR load balancer actually forwards to (weight above 0). A DR tier update that failed and was
/// never finished leaves that load balancer on the old color; scaling only the ledger's would leave it answering 503
/// until a <c>pulumi up</c>. A route that cannot be read counts as forwarding to both colors, as an unreadable release
/// does: failover runs in a disaster, after the promotion, and an extra color costs tasks while a missing one costs the service.
/// </summary>
public sealed class DrRoutedColors(IDrRoutes? routes, DrRegionSide dr)
{
    /// <summary>The services to scale: the ledger's until <see cref="Read"/> has run, then the union.</summary>
    public IReadOnlyList<DrService> Services { get; private set; } = dr.Services;

    /// <summary>The services to scale, as a step describes them before <see cref="Read"/> has run: each at its live count.</summary>
    public string Described =>
        $"{string.Join(", ", dr.Services.Select(s => $"{s.EcsServiceName} to {s.Live}"))} and any other color the DR load balancer forwards to";

    public DrStep Read() => new("read-dr-routes",
        $"read which colors the load balancer in {dr.Region} forwards each service to (Elastic Load Balancing DescribeListeners / DescribeRules), " +
        "so the DR services scaled are the ledger's release's colors and those", async t =>
        {
            var added = new List<DrService>();
            var seen = new List<string>();
            foreach (var route in dr.Routes)
            {
                var ledger = dr.Services.Where(s => s.Name == route.Service).ToList();
                var (forwarded, what) = await ForwardedAsync(route, t);
                var extra = forwarded.Where(color => ledger.All(s => s.EcsServiceName != color.EcsServiceName)).ToList();
                added.AddRange(extra);
                seen.Add($"{route.Service}: {what}; the ledger's release routes to {Names(ledger)}" +
                    (extra.Count == 0 ? "" : $", so {Names(extra)} is scaled too"));
            }

            Services = [.. dr.Services, .. added];
            return seen.Count == 0 ? "the topology names no DR load balancer routes; the ledger's colors are scaled" : string.Join("; ", seen);
        });

    /// <summary>The colors the route forwards to and what was seen; both colors, saying why, when it cannot be read.</summary>
    private async Task<(IReadOnlyList<DrService> Colors, string Seen)> ForwardedAsync(DrRoute route, CancellationToken cancellationToken)
    {
        if (route.Route is not { } carrier)
        {
            return ([route.Blue, route.Green], "the stack outputs name no DR listener or rule (dr.dr.routes, written by a full update of this program), so both colors are scaled");
        }

        if (routes is null) return ([route.Blue, route.Green], $"this runner cannot read {carrier.Arn}, so both colors are scaled");
        try
        {
            var weights = await routes.ReadWeightsAsync(dr.Region, carrier, cancellationToken);
            IReadOnlyList<DrService> forwarded = [.. weights.Blue > 0 ? [route.Blue] : Array.Empty<DrService>(), .. weights.Green > 0 ? [route.Green] : Array.Empty<DrService>()];
            return (forwarded, $"{carrier.Arn} forwards {weights}");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ([route.Blue, route.Green], $"{carrier.Arn} could not be read ({error.Message}), so both colors are scaled");
        }
    }

    private static string Names(IEnumerable<DrService> services) =>
        services.Select(s => s.EcsServiceName).DefaultIfEmpty("no color").Aggregate((a, b) => $"{a} and {b}");
}
