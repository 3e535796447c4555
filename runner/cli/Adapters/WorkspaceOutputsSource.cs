using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi.Automation;

namespace Infra.Runner.Adapters;

/// <summary>The outputs of the deployed stack, as the Automation API reports them.</summary>
public sealed class WorkspaceOutputsSource(WorkspaceStack stack) : IStackOutputsSource
{
    public async Task<JsonObject> ReadAsync(CancellationToken cancellationToken)
    {
        var outputs = await stack.GetOutputsAsync(cancellationToken);
        return new JsonObject(outputs.Select(o => KeyValuePair.Create(o.Key, JsonSerializer.SerializeToNode(o.Value.Value))));
    }
}
