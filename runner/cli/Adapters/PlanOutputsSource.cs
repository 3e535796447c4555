using System.Text.Json.Nodes;
using Infra.Runner.Plan;

namespace Infra.Runner.Adapters;

/// <summary>
/// Offline there is no deployed stack to ask, so the outputs come from the offline plan of the stack file: the same
/// program, the same output names, with URNs as the plan computes them.
/// </summary>
public sealed class PlanOutputsSource(string stackFilePath) : IStackOutputsSource
{
    public async Task<JsonObject> ReadAsync(CancellationToken cancellationToken)
    {
        var plan = await PlanBuilder.BuildAsync(stackFilePath);
        return plan.Document["outputs"] as JsonObject ?? [];
    }
}
