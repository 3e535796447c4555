namespace Infra.Runner.Dr;

/// <summary>
/// Fail-back's last steps: point Pulumi's state at the instances that now hold the primary's and the DR replica's
/// identifiers. Fail-back renames the old instances aside and creates new ones under the same identifiers, but the state
/// still holds the old instances' resource ids (see <see cref="RdsInstancesInState"/>). Each step looks before it acts,
/// so a re-run (or a run after a kill) repeats only what is missing: read each instance's DbiResourceId from RDS, export
/// the deployment and import it with those ids (skipped when the state already has them), then refresh exactly those
/// URNs so every output is read from the new instances. Production's backups replication follows the new primary the
/// same way (<see cref="BackupsReplicationFollow"/>): started for it, stopped for the replaced instance, its id repointed
/// and refreshed with the instances.
/// </summary>
public sealed class StateRepair(DrPorts ports, IDrStackState state, DrTopology topology)
{
    private readonly Dictionary<string, string> _resourceIds = [];
    private readonly List<string> _urns = [];
    private readonly BackupsReplicationFollow _backups = new(ports, state, topology);

    private IEnumerable<DrRegionSide> Sides => [topology.Primary, topology.Dr];

    public IReadOnlyList<DrStep> Steps() =>
    [
        new DrStep("state-read-resource-ids", "read the DbiResourceId of the instances now under the primary's and the DR replica's identifiers (RDS DescribeDBInstances)", async t =>
        {
            foreach (var side in Sides)
            {
                var seen = await ports.Database.DescribeAsync(side.Region, side.InstanceId, t);
                _resourceIds[side.InstanceId] = seen?.ResourceId
                    ?? throw new DrStepException($"{side.InstanceId} in {side.Region} is {DbInstanceState.Shown(seen)} and RDS gave no resource id for it; Pulumi's state is left as it is");
            }

            return string.Join("; ", Sides.Select(s => $"{s.InstanceId} in {s.Region} is {_resourceIds[s.InstanceId]}"));
        }) { ByHand = ByHand },
        .. _backups.Steps().Select(s => s with { ByHand = ByHand }),
        new DrStep("state-repoint", "export Pulumi's state and import it with each instance's id set to the new instance's resource id, " +
            "and the backups replication's (production) to the new replicated backups' ARN (pulumi stack export / import)", async t =>
        {
            var deployment = await state.ExportAsync(t);
            var changes = new List<string>();
            _urns.Clear();
            foreach (var side in Sides)
            {
                var recorded = RdsInstancesInState.Find(deployment, side.InstanceId) ?? throw new DrStepException(RdsInstancesInState.Missing(side.InstanceId));
                _urns.Add(recorded.Urn);
                if (recorded.Id != _resourceIds[side.InstanceId]) changes.Add($"{recorded.Urn}: id {recorded.Id} -> {_resourceIds[side.InstanceId]}");
            }

            var backups = RdsInstancesInState.FindBackupsReplication(deployment);
            if (backups is not null && _backups.Arn is { } arn)
            {
                _urns.Add(backups.Urn);
                if (backups.Id != arn) changes.Add($"{backups.Urn}: id {backups.Id} -> {arn}");
            }

            if (changes.Count == 0) return "the state already holds the new instances' resource ids; nothing imported";
            await state.ImportAsync(RdsInstancesInState.Repoint(deployment, _resourceIds, backups is null ? null : _backups.Arn), t);
            return $"imported: {string.Join("; ", changes)}";
        }) { ByHand = ByHand },
        new DrStep("state-refresh", "refresh exactly those resources, so every output is read from the new instances (pulumi refresh --target)", async t =>
        {
            await state.RefreshAsync(_urns, t);
            return $"refreshed {string.Join(", ", _urns)}";
        }) { ByHand = ByHand },
    ];

    /// <summary>
    /// Why the state still needs this repair (an id or a <c>resourceId</c> output that is not the instance's now under
    /// that identifier, or a backups replication that is not the one the primary has in the DR region), or null when it
    /// does not; an instance RDS does not show is left to the steps to report.
    /// </summary>
    public async Task<string?> NeededAsync(CancellationToken cancellationToken)
    {
        var deployment = await state.ExportAsync(cancellationToken);
        foreach (var side in Sides)
        {
            var live = (await ports.Database.DescribeAsync(side.Region, side.InstanceId, cancellationToken))?.ResourceId;
            var recorded = RdsInstancesInState.Find(deployment, side.InstanceId);
            if (live is not null && recorded is not null && (recorded.Id != live || recorded.ResourceId != live))
            {
                return $"Pulumi's state records {recorded.Urn} as {recorded.Id} (resourceId {recorded.ResourceId ?? "none"}) but {side.InstanceId} in {side.Region} is {live}: " +
                    "a fail-back rebuilt the instances and did not finish repairing the state; resuming there";
            }
        }

        var (primary, dr) = (topology.Primary, topology.Dr);
        if (RdsInstancesInState.FindBackupsReplication(deployment) is { } backups
            && await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, cancellationToken) is { } source
            && source.BackupsReplicatedTo(dr.Region) != backups.Id)
        {
            return $"Pulumi's state records {backups.Urn} as {backups.Id} but {primary.InstanceId} in {primary.Region} replicates its automated backups to {dr.Region} " +
                $"as {source.BackupsReplicatedTo(dr.Region) ?? "nothing"}: a fail-back did not finish making the replication follow the new primary; resuming there";
        }

        return null;
    }

    /// <summary>Whether Pulumi's state records <paramref name="resourceId"/> for the instance declared with <paramref name="identifier"/>.</summary>
    public async Task<bool> RecordsAsync(string identifier, string? resourceId, CancellationToken cancellationToken) =>
        RdsInstancesInState.Find(await state.ExportAsync(cancellationToken), identifier)?.Id == resourceId;

    /// <summary>Where the state says the instance declared with <paramref name="identifier"/> lives: the instance renamed aside, until the repair.</summary>
    public async Task<DbPlacement?> RecordedPlacementAsync(string identifier, CancellationToken cancellationToken) =>
        RdsInstancesInState.Find(await state.ExportAsync(cancellationToken), identifier)?.Placement;

    private string ByHand()
    {
        var stack = topology.StackName;
        var ids = string.Join(" and ", Sides.Select(s =>
            $"{s.InstanceId} to {(_resourceIds.TryGetValue(s.InstanceId, out var id) ? id : $"its DbiResourceId (`aws rds describe-db-instances --region {s.Region} --db-instance-identifier {s.InstanceId} --query 'DBInstances[0].DbiResourceId'`)")}"));
        var targets = _urns.Count >= Sides.Count() ? string.Join(" ", _urns.Select(u => $"--target '{u}'")) : "--target <URN of each> (`pulumi stack --show-urns` lists them)";
        var backups = _backups.ByHand("state.json") is { } text ? $" {text}" : "";
        return $"Pulumi's state still points at the renamed instances; before the next `pulumi up`, run `failback --stack {stack} --yes` again (it repeats only this repair) or, by hand: " +
            $"`pulumi stack export --stack {stack} --file state.json`; in it set the `id` of the {RdsInstancesInState.Type} whose `inputs.identifier` is {ids}; " +
            $"`pulumi stack import --stack {stack} --file state.json`; `pulumi refresh --stack {stack} --yes {targets}`.{backups} " +
            "Then `pulumi preview --diff` must show no replacement of either instance.";
    }
}
