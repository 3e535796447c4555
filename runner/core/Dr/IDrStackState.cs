namespace Infra.Runner.Dr;

/// <summary>
/// Pulumi's state of the stack, as fail-back repairs it: the deployment as <c>pulumi stack export</c> prints it (JSON),
/// an edited deployment put back as <c>pulumi stack import</c> does, and <c>pulumi refresh</c> of exactly some URNs.
/// </summary>
public interface IDrStackState
{
    Task<string> ExportAsync(CancellationToken cancellationToken);

    Task ImportAsync(string deployment, CancellationToken cancellationToken);

    Task RefreshAsync(IReadOnlyList<string> urns, CancellationToken cancellationToken);
}
