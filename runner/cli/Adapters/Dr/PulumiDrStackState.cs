using Infra.Runner.Dr;
using Pulumi.Automation;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// Fail-back's state repair over the Automation API: <see cref="WorkspaceStack.ExportStackAsync"/> (the CLI's
/// <c>pulumi stack export --show-secrets</c>), <see cref="WorkspaceStack.ImportStackAsync"/> (<c>pulumi stack import
/// --file</c>) and a <see cref="WorkspaceStack.RefreshAsync"/> targeted at exactly the given URNs.
/// </summary>
public sealed class PulumiDrStackState(WorkspaceStack stack) : IDrStackState
{
    public async Task<string> ExportAsync(CancellationToken cancellationToken) =>
        (await stack.ExportStackAsync(cancellationToken)).Json.GetRawText();

    public Task ImportAsync(string deployment, CancellationToken cancellationToken) =>
        stack.ImportStackAsync(StackDeployment.FromJsonString(deployment), cancellationToken);

    public Task RefreshAsync(IReadOnlyList<string> urns, CancellationToken cancellationToken) =>
        stack.RefreshAsync(new RefreshOptions { Target = [.. urns], Message = "failback: read the instances fail-back created" }, cancellationToken);
}
