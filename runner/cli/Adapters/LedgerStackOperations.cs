using Infra.Ledger;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;
using Pulumi.Automation;
// Pulumi.Automation has a StackSettings of its own.
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Adapters;

/// <summary>
/// The rollout's view of a stack with its state in the stack's release ledger: setters change the release's desired
/// state (one compare-and-swap write each, so weights never land half-written), <see cref="UpdateAsync"/> runs the
/// targeted update — the program reads the desired state itself — and then records it as applied. The rollout record
/// lives on the ledger's lease (see <see cref="RolloutHold"/>). The stack file is never written.
/// </summary>
/// <param name="settings">The stack file's settings, which the program overlays with the ledger's release.</param>
public sealed class LedgerStackOperations(
    WorkspaceStack stack, ReleaseLedger ledger, ReleaseState seed, RolloutHold hold, StackSettings settings) : IStackOperations
{
    private readonly ReleaseStore release = new(ledger, seed);

    public string StackName => stack.Name;

    public async Task<StackOutputs> ReadOutputsAsync(CancellationToken cancellationToken) =>
        StackOutputsReader.Read(await stack.ReadOutputsAsync(cancellationToken));

    public async Task<ServiceConfig> ReadServiceConfigAsync(string service, CancellationToken cancellationToken)
    {
        var (_, desired, _) = await release.ReadAsync(cancellationToken);
        return desired.Services.TryGetValue(service, out var released)
            ? ReleaseMapping.ToConfig(service, released)
            : throw NoSuchService(desired, service);
    }

    public async Task RequireDeclarableAsync(IReadOnlyList<RolloutServiceRecord> moves, CancellationToken cancellationToken)
    {
        var (_, desired, _) = await release.ReadAsync(cancellationToken);
        // As the program reads it: the promotion comes from the ledger's dr item.
        var promoted = desired with { DrPromoted = await ledger.ReadDrPromotedAsync(cancellationToken) };
        var next = moves.Aggregate(promoted, (state, move) => state.Services.TryGetValue(move.Name, out var current)
            ? state.With(move.Name, current with { Image = current.Image.With(ReleaseMapping.ToColor(move.ToColor), move.Image) })
            : throw NoSuchService(state, move.Name));
        var declared = ReleaseOverlay.Apply(settings, next, $"release ledger {LedgerTable.NameFor(settings.StackName)}");
        if (declared.Errors.Count > 0)
            throw new RolloutInputException(
                $"the program would reject this release on its next update, so nothing was changed: {string.Join("; ", declared.Errors)}");
    }

    public Task<bool> ReadDrPromotedAsync(CancellationToken cancellationToken) => ledger.ReadDrPromotedAsync(cancellationToken);

    public Task SetImageAsync(string service, DeployColor color, string? image, CancellationToken cancellationToken) =>
        ChangeDesiredAsync(service, r => r with { Image = r.Image.With(ReleaseMapping.ToColor(color), image) }, cancellationToken);

    public Task SetRunningAsync(string service, DeployColor color, bool running, CancellationToken cancellationToken) =>
        ChangeDesiredAsync(service, r => r with { Running = r.Running.With(ReleaseMapping.ToColor(color), running) }, cancellationToken);

    public Task SetWeightsAsync(string service, TrafficWeights weights, CancellationToken cancellationToken) =>
        ChangeDesiredAsync(service, r => r with { Weights = ReleaseMapping.ToWeights(weights) }, cancellationToken);

    public Task SetLiveColorAsync(string service, DeployColor color, CancellationToken cancellationToken) =>
        ChangeDesiredAsync(service, r => r with { LiveColor = ReleaseMapping.ToColor(color) }, cancellationToken);

    public Task RecordTrafficAppliedAsync(IReadOnlyList<(string Service, DeployColor LiveColor, TrafficWeights Weights)> moved, CancellationToken cancellationToken) =>
        release.ChangeAppliedAsync(state => moved.Aggregate(state, (changed, m) => changed.Services.TryGetValue(m.Service, out var current)
            ? changed.With(m.Service, current with { LiveColor = ReleaseMapping.ToColor(m.LiveColor), Weights = ReleaseMapping.ToWeights(m.Weights) })
            : throw NoSuchService(changed, m.Service)),
            cancellationToken);

    public Task<RolloutRecord?> ReadRolloutRecordAsync(CancellationToken cancellationToken) => hold.ReadAsync(cancellationToken);

    public Task WriteRolloutRecordAsync(RolloutRecord record, CancellationToken cancellationToken) => hold.WriteAsync(record, cancellationToken);

    public Task ClearRolloutRecordAsync(CancellationToken cancellationToken) => hold.EndAsync(cancellationToken);

    public Task ReleaseRolloutAsync(CancellationToken cancellationToken) => hold.GiveUpAsync(cancellationToken);

    public Task<ControlDelivery> RequestControlAsync(string rolloutId, RolloutControl control, CancellationToken cancellationToken) =>
        hold.RequestAsync(rolloutId, control, cancellationToken);

    /// <summary>
    /// An update in flight is never cancelled (a killed <c>pulumi</c> leaves the stack locked): a cancel stops the
    /// runner at the next step boundary instead. The stack resource is a target too, so its outputs follow.
    /// </summary>
    public Task UpdateAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken) =>
        release.UpdateAsync(() => stack.UpdateOrBusyAsync(
            new UpOptions { Target = targetUrns.Append(stack.RootStackUrn()).ToList(), Message = "infra-runner targeted update" },
            CancellationToken.None), cancellationToken);

    /// <summary>Like an update, a refresh in flight is never cancelled.</summary>
    public Task RefreshAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken) =>
        stack.RefreshOrBusyAsync(
            new RefreshOptions { Target = targetUrns.ToList(), Message = "infra-runner targeted refresh after a direct traffic switch" },
            CancellationToken.None);

    private Task ChangeDesiredAsync(string service, Func<ServiceRelease, ServiceRelease> change, CancellationToken cancellationToken) =>
        release.ChangeDesiredAsync(desired => desired.Services.TryGetValue(service, out var current)
            ? desired.With(service, change(current))
            : throw NoSuchService(desired, service),
            cancellationToken);

    private static RolloutInputException NoSuchService(ReleaseState desired, string service) =>
        new($"the stack has no service '{service}'; it has: {string.Join(", ", desired.Services.Keys)}");
}
