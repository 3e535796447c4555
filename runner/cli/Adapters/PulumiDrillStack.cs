using System.Text.Json.Nodes;
using Infra.Ledger;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;
using Pulumi.Automation;

namespace Infra.Runner.Adapters;

/// <summary>
/// The drill's view of a stack over the Automation API: the validated settings with the release ledger's desired
/// release and DR promotion over them, as the program declares them (so a promotion kept in the ledger counts, and defaults apply as in
/// the program), the outputs the caller read once (<c>drUrl</c>, <c>database</c>, and what failover acts on), and the
/// rollout in progress from the ledger. It changes nothing: the drill promotes through failover.
/// </summary>
public sealed class PulumiDrillStack(WorkspaceStack stack, ReleaseLedger ledger, ReleaseStore release, JsonObject outputs) : IDrillStack
{
    public async Task<DrillStackState> ReadAsync(CancellationToken cancellationToken)
    {
        var declared = await LedgerDeclaredSettings.ReadAsync(await stack.ReadSettingsAsync(cancellationToken), ledger, release, cancellationToken);
        // The drill holds the lease itself (a DR command's); only a rollout's lease is a rollout in progress.
        var lease = await ledger.ReadLeaseAsync(cancellationToken);
        return ToState(declared, outputs, lease is { DrCommand: null } ? lease.RolloutId : null);
    }

    /// <summary>Pure: settings and outputs to the drill's state; a missing output is null, for the precondition to name.</summary>
    public static DrillStackState ToState(Stacks.Settings.StackSettings settings, JsonObject outputs, string? rolloutInProgress)
    {
        DrTopology? topology = null;
        string? topologyProblem = null;
        try
        {
            topology = DrTopologyReader.Read(settings, outputs);
        }
        catch (RolloutInputException error)
        {
            topologyProblem = error.Message;
        }

        return new DrillStackState(
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
            Text(outputs["database"]?["replica"]?["endpoint"]),
            topology,
            topologyProblem,
            settings.Database.RestoreTest is { } restoreTest ? new DrillRestoreTest(restoreTest.PointInTime, restoreTest.InstanceClass) : null);
    }

    /// <summary>The stack output <c>database.secretArn</c>: the master credentials the marker rows are written with.</summary>
    public static string? DatabaseSecretArn(JsonObject outputs) => Text(outputs["database"]?["secretArn"]);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
