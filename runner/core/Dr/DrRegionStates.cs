namespace Infra.Runner.Dr;

/// <summary>One region as the report shows it: a line per database instance and per service, or why it could not be read.</summary>
public sealed record DrRegionState(string Region, string Role, IReadOnlyList<string> Lines);

/// <summary>Reads each region's database and services for the report; a region whose API does not answer says so.</summary>
internal static class DrRegionStates
{
    public static async Task<IReadOnlyList<DrRegionState>> DescribeAsync(DrPorts ports, DrTopology topology, CancellationToken cancellationToken) =>
    [
        await DescribeAsync(ports, topology.Primary, "primary", cancellationToken),
        await DescribeAsync(ports, topology.Dr, "DR", cancellationToken),
    ];

    private static async Task<DrRegionState> DescribeAsync(DrPorts ports, DrRegionSide side, string role, CancellationToken cancellationToken)
    {
        var lines = new List<string> { await DatabaseLineAsync(ports, side, cancellationToken) };
        foreach (var service in side.Services)
        {
            lines.Add(await ServiceLineAsync(ports, side, service, cancellationToken));
        }

        return new DrRegionState(side.Region, role, lines);
    }

    private static async Task<string> DatabaseLineAsync(DrPorts ports, DrRegionSide side, CancellationToken cancellationToken)
    {
        try
        {
            var state = await ports.Database.DescribeAsync(side.Region, side.InstanceId, cancellationToken);
            return $"database {side.InstanceId}: {DbInstanceState.Shown(state)}";
        }
        catch (Exception error)
        {
            return $"database {side.InstanceId}: unknown, the RDS API did not answer ({error.Message})";
        }
    }

    private static async Task<string> ServiceLineAsync(DrPorts ports, DrRegionSide side, DrService service, CancellationToken cancellationToken)
    {
        try
        {
            var counts = await ports.Services.DescribeAsync(side.Region, side.ClusterName, service.EcsServiceName, cancellationToken);
            return counts is null
                ? $"service {service.Name} ({side.ClusterName}/{service.EcsServiceName}): does not exist"
                : $"service {service.Name} ({side.ClusterName}/{service.EcsServiceName}): {counts.Running} running of {counts.Desired} desired";
        }
        catch (Exception error)
        {
            return $"service {service.Name} ({side.ClusterName}/{service.EcsServiceName}): unknown, the ECS API did not answer ({error.Message})";
        }
    }
}
