namespace Infra.Runner.Dr;

/// <summary>
/// Which standalone DR database failover may take as the one it promoted. A fail-back that stopped after recording
/// "not promoted" but before retiring the DR instance leaves the OLD promoted database standalone under the DR
/// identifier, stale since that switchover; taking it as "already promoted" would send the DR services' writes to it,
/// and a later fail-back would replicate the real primary from it. So failover records the replica's DbiResourceId
/// (fixed for an instance's life) in the ledger's <c>dr</c> item before its promote call, fail-back clears it when it
/// records not promoted, and a standalone DR instance counts as promoted by an earlier run only with that id.
/// </summary>
public sealed class PromotedReplica(IDrLedger ledger, DrTopology topology)
{
    /// <summary>Before the promote call: a run that stops after it finds the id and goes on.</summary>
    public async Task RecordAsync(DbInstanceState replica, CancellationToken cancellationToken)
    {
        var dr = topology.Dr;
        var resourceId = replica.ResourceId
            ?? throw new DrStepException($"RDS reported no DbiResourceId for {dr.InstanceId} in {dr.Region}, so the promotion could not be recorded; nothing was promoted");
        await ledger.RecordPromotingAsync(resourceId, cancellationToken);
    }

    /// <summary>
    /// Null when <paramref name="standalone"/> is the DR database an earlier failover promoted: its resource id is the
    /// recorded one, or none is recorded while the <c>dr</c> item says promoted (a runner older than the record did it,
    /// and only fail-back, which clears the promotion, leaves a stale copy). Otherwise why failover must not use it.
    /// </summary>
    public async Task<string?> RefusalAsync(DbInstanceState standalone, CancellationToken cancellationToken)
    {
        var recorded = await ledger.ReadPromotedResourceIdAsync(cancellationToken);
        if (recorded is not null ? recorded == standalone.ResourceId : await ledger.ReadPromotionAsync(cancellationToken) != PromotionState.NotPromoted) return null;
        var dr = topology.Dr;
        return $"{dr.InstanceId} in {dr.Region} is standalone ({standalone.Status}) but is not the replica a failover promoted: its resource id is " +
            $"{standalone.ResourceId ?? "(none)"}, the release ledger's dr item records {recorded ?? "none"}. It is most likely the old promoted database " +
            "an unfinished fail-back left behind, stale since that switchover";
    }

    /// <summary>Whether <paramref name="instance"/> is the replica a failover recorded before its promote call (fail-back clears the record).</summary>
    public async Task<bool> IsRecordedAsync(DbInstanceState instance, CancellationToken cancellationToken) =>
        instance.ResourceId is { } id && await ledger.ReadPromotedResourceIdAsync(cancellationToken) == id;

    /// <summary>What an operator does about a <see cref="RefusalAsync"/>: fail-back retires the stale copy and rebuilds the replica.</summary>
    public string FinishFailback => $"Finish the fail-back first: `failback --stack {topology.StackName} --yes`";

    /// <summary>The promote step's line for an instance <see cref="RefusalAsync"/> accepted.</summary>
    public static string AlreadyPromoted(string instanceId, DbInstanceState standalone) =>
        $"{instanceId} is already standalone ({standalone.Status}), promoted by an earlier failover (resource id {standalone.ResourceId ?? "(none)"}); nothing to promote";
}
