namespace Infra.Runner.Drill;

/// <summary>
/// The stack as a drill sees it (the Automation API adapter implements it). The drill changes nothing through it: a
/// promotion drill promotes through failover, a restore drill through the RDS API.
/// </summary>
public interface IDrillStack
{
    /// <summary>Settings and outputs; invalid stack settings throw (the CLI lists every problem, exit code 2).</summary>
    Task<DrillStackState> ReadAsync(CancellationToken cancellationToken);
}
