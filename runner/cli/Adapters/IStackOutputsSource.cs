using System.Text.Json.Nodes;

namespace Infra.Runner.Adapters;

/// <summary>Where the stack outputs come from: the deployed stack (real SDK) or the offline plan of the stack file.</summary>
public interface IStackOutputsSource
{
    Task<JsonObject> ReadAsync(CancellationToken cancellationToken);
}
