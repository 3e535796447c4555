using System.Text.Json.Nodes;
using Infra.Ledger;
using Infra.Runner.Drill;
using Infra.Stacks.Release;
using Pulumi.Automation;

namespace Infra.Runner.Adapters;

/// <summary>
/// The drill's view of a stack over the Automation API: the validated settings with the release ledger's desired
/// release over them, as the program declares them (so a promotion kept in the ledger counts, and defaults apply as in
/// the program), the <c>drUrl</c> and <c>database</c> outputs, the rollout in progress from the
/// ledger, the promotion as the ledger's desired <c>drPromoted</c> (never the stack file), and a full update (no
/// targets: promotion changes the replica, the DR services' capacity and the DR alarms) recorded as applied.
/// </summary>
public sealed class PulumiDrillStack(WorkspaceStack stack, ReleaseLedger ledger, ReleaseStore release) : IDrillStack
{
    public async Task<DrillStackState> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = await stack.ReadSettingsAsync(cancellationToken);
        var (_, desired, _) = await release.ReadAsync(cancellationToken);
        var declared = ReleaseOverlay.Apply(settings, desired, $"release ledger {LedgerTable.NameFor(settings.StackName)}").GetValidOrThrow();
        var lease = await ledger.ReadLeaseAsync(cancellationToken);
        return ToState(declared, await stack.ReadOutputsAsync(cancellationToken), lease?.RolloutId);
    }

    public Task SetPromoteAsync(bool promote, CancellationToken cancellationToken) =>
        release.ChangeDesiredAsync(desired => desired with { DrPromoted = promote }, cancellationToken);

    /// <summary>A promotion in flight is never cancelled (a killed <c>pulumi</c> leaves the stack locked and half promoted).</summary>
    public Task UpdateAsync(CancellationToken cancellationToken) =>
        release.UpdateAsync(() => stack.UpdateOrBusyAsync(
            new UpOptions { Message = "infra-runner DR drill: promote the DR region" }, CancellationToken.None), cancellationToken);

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
        Text(outputs["database"]?["replica"]?["identifier"]),
        new DrillTargets(TimeSpan.FromMinutes(settings.Dr.RtoTargetMinutes), TimeSpan.FromSeconds(settings.Dr.RpoTargetSeconds)),
        Text(outputs["database"]?["primary"]?["identifier"]),
        Text(outputs["database"]?["primary"]?["endpoint"]),
        Text(outputs["database"]?["replica"]?["endpoint"]));

    /// <summary>The stack output <c>database.secretArn</c>: the master credentials the marker rows are written with.</summary>
    public static string? DatabaseSecretArn(JsonObject outputs) => Text(outputs["database"]?["secretArn"]);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
