namespace Infra.Runner.Dr;

/// <summary>
/// Fail-back's steps for production's cross-region automated-backup replication (components/Data/CrossRegionReplica.cs
/// declares an <c>aws:rds/instanceAutomatedBackupsReplication</c> in the DR region for the primary). Fail-back renames
/// the old primary aside and promotes a new instance under its identifier: RDS keeps replicating the old instance's
/// backups (it follows the instance, not the name), the new primary's are replicated nowhere, and the program's source
/// ARN names the identifier, so `pulumi up` sees no diff. These steps start replication for the new primary with the KMS
/// key and retention the program declares (read from Pulumi's state: the resource's inputs), and stop the replaced
/// instance's; <see cref="StateRepair"/> then points the resource's id at the new replicated backups.
/// <para>
/// Why repoint the id rather than drop the resource from the state for the next `pulumi up` to create: until that `up`
/// (which a stack left failed over for days may not get soon) production would have no point-in-time restore in the DR
/// region, and a `pulumi refresh` meanwhile reads the old replicated backups as retained and drops them anyway. Started
/// here and repointed, the state says what AWS has, and the next preview shows no diff (same source ARN, key and retention).
/// </para>
/// A stack whose state records no replication (every stack but production) passes both steps, saying so. Each step looks
/// before it acts, so a re-run finds the replication started and the old one stopped, and does neither again.
/// </summary>
public sealed class BackupsReplicationFollow(DrPorts ports, IDrStackState state, DrTopology topology)
{
    /// <summary>What the state records the program declaring, once the start step read it; null before, or when it declares none.</summary>
    public RecordedBackupsReplication? Declared { get; private set; }

    /// <summary>The new primary's replicated backups in the DR region, once the start step found or started them.</summary>
    public string? Arn { get; private set; }

    /// <summary>The new primary's ARN, the replication's source, once the start step read it.</summary>
    public string? SourceArn { get; private set; }

    private string NoReplication => $"{topology.StackName}'s Pulumi state records no {RdsInstancesInState.BackupsReplicationType} (only production declares one); nothing to do";

    public IReadOnlyList<DrStep> Steps()
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        return
        [
            new("backups-replication-start",
                $"replicate {primary.InstanceId}'s automated backups to {dr.Region} with the KMS key and retention the program declares " +
                $"(RDS StartDBInstanceAutomatedBackupsReplication in {dr.Region}), unless they already are", async t =>
                {
                    (Declared, Arn) = (RdsInstancesInState.FindBackupsReplication(await state.ExportAsync(t)), null);
                    if (Declared is null) return NoReplication;
                    var source = await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, t);
                    if (source?.IsAvailableStandalone != true)
                    {
                        throw new DrStepException($"{primary.InstanceId} in {primary.Region} is {DbInstanceState.Shown(source)}; automated backups are replicated from an available standalone primary");
                    }

                    SourceArn = source.Arn;
                    if (source.BackupsReplicatedTo(dr.Region) is { } already)
                    {
                        Arn = already;
                        return $"{source.Arn} already replicates its automated backups to {dr.Region} as {already}";
                    }

                    Arn = await ports.Database.StartBackupsReplicationAsync(
                        new BackupsReplicationRequest(dr.Region, source.Arn, primary.Region, Declared.KmsKeyId, Declared.RetentionPeriod), t);
                    return $"StartDBInstanceAutomatedBackupsReplication accepted: {source.Arn} to {dr.Region} as {Arn}, KMS key {Declared.KmsKeyId ?? "(RDS's default)"}, " +
                        $"kept {(Declared.RetentionPeriod is { } days ? $"{days}" : "7 (the provider's default)")} days";
                }),
            new("backups-replication-stop-retired",
                $"stop replicating the replaced primary's automated backups to {dr.Region} (RDS StopDBInstanceAutomatedBackupsReplication in {dr.Region}; " +
                "what was copied is kept, retained, until its retention ends)", async t =>
                {
                    var deployment = await state.ExportAsync(t);
                    if (RdsInstancesInState.FindBackupsReplication(deployment) is null) return NoReplication;
                    // Until the repair, the state's primary is the instance renamed aside: found by its resource id, whatever its name now.
                    var live = (await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, t))?.ResourceId;
                    var replaced = RdsInstancesInState.Find(deployment, primary.InstanceId)?.Id;
                    if (replaced is null || replaced == live)
                    {
                        return $"Pulumi's state records no replaced instance under {primary.InstanceId} (it records {replaced ?? "none"}, and {live ?? "none"} holds the identifier); " +
                            "a repaired state was repointed only after this step stopped the replaced instance's replication";
                    }

                    var retired = await ports.Database.DescribeByResourceIdAsync(primary.Region, replaced, t);
                    if (retired is null) return $"no instance in {primary.Region} has resource id {replaced} (the replaced primary); nothing replicates from it";
                    if (retired.BackupsReplicatedTo(dr.Region) is not { } old) return $"{retired.Arn} ({replaced}) replicates no automated backups to {dr.Region}";
                    await ports.Database.StopBackupsReplicationAsync(dr.Region, retired.Arn, t);
                    return $"StopDBInstanceAutomatedBackupsReplication accepted for {retired.Arn} ({replaced}): {old} stays in {dr.Region}, retained until its retention ends";
                }),
        ];
    }

    /// <summary>What to do by hand for the replication, once the start step knows the program declares one; null before, or when it declares none.</summary>
    public string? ByHand(string stateFile)
    {
        if (Declared is null) return null;
        var dr = topology.Dr.Region;
        var retention = Declared.RetentionPeriod is { } days ? $" --backup-retention-period {days}" : "";
        var key = Declared.KmsKeyId is { } kms ? $" --kms-key-id {kms}" : "";
        return $"For the backups replication to {dr}, unless `aws rds describe-db-instances --region {topology.Primary.Region} --db-instance-identifier {topology.Primary.InstanceId}` " +
            $"lists one in {dr} under DBInstanceAutomatedBackupsReplications: `aws rds start-db-instance-automated-backups-replication --region {dr} " +
            $"--source-db-instance-arn {SourceArn ?? "<its DBInstanceArn>"}{key}{retention}`; then `aws rds stop-db-instance-automated-backups-replication --region {dr} " +
            $"--source-db-instance-arn <the renamed old primary's ARN>`; in {stateFile} set the `id` of the {RdsInstancesInState.BackupsReplicationType} to " +
            $"{Arn ?? "the new replicated backups' ARN (DBInstanceAutomatedBackupsArn)"} and refresh it with the instances ({Declared.Urn}).";
    }
}
