using System.Text.Json.Nodes;
using Infra.Ledger;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Pulumi.Automation;

namespace Infra.Runner.Adapters;

/// <summary>
/// The drill's view of a stack over the Automation API: the validated settings (so defaults apply as in the program),
/// the <c>drUrl</c> and <c>database.replica.identifier</c> outputs, the rollout in progress from the release ledger,
/// <c>infra:dr.promote</c> as path config, and a full update (no targets: promotion changes the replica, the DR
/// services' capacity and the DR alarms).
/// </summary>
public sealed class PulumiDrillStack(WorkspaceStack stack, ReleaseLedger ledger) : IDrillStack
{
    public const string PromoteKey = "infra:dr.promote";

    public async Task<DrillStackState> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = await stack.ReadSettingsAsync(cancellationToken);
        var lease = await ledger.ReadLeaseAsync(cancellationToken);
        return ToState(settings, await stack.ReadOutputsAsync(cancellationToken), lease?.RolloutId);
    }

    public Task SetPromoteAsync(bool promote, CancellationToken cancellationToken) =>
        stack.SetConfigAsync(PromoteKey, new ConfigValue(promote ? "true" : "false"), path: true, cancellationToken);

    public Task UpdateAsync(CancellationToken cancellationToken) =>
        stack.UpdateOrBusyAsync(new UpOptions { Message = "infra-runner DR drill: promote the DR region" }, cancellationToken);

    /// <summary>Pure: settings and outputs to the drill's state; a missing output is null, for the precondition to name.</summary>
    public static DrillStackState ToState(Stacks.Settings.StackSettings settings, JsonObject outputs, string? rolloutInProgress) => new(
        settings.StackName,
        settings.Region,
        settings.DrRegion,
        settings.Dr.Replica,
        settings.Dr.PilotLight,
        settings.Dr.Promote,
        rolloutInProgress,
        settings.DefaultService.HealthCheck.Path,
        Text(outputs["drUrl"]),
        Text(outputs["database"]?["replica"]?["identifier"]));

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
