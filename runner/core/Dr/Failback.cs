using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>
/// <c>failback</c>: moves the primary role back to the original region after a failover, in a planned switchover that
/// keeps every identifier (and so every endpoint name) the program and the services know. In the original region the
/// old primary is renamed aside and a new cross-region replica of the promoted DR database takes its identifier; once
/// its lag is under the RPO target, the DR services stop (no more writes), the lag reaches zero, the new replica is
/// promoted, the primary's services run again and DNS moves back. The DR side is then rebuilt the same way (old DR instance renamed, a new replica of the
/// new primary under the DR identifier), and only then the ledger says drPromoted: false.
/// </summary>
public sealed class Failback(DrPorts ports, DrOptions options)
{
    public async Task<DrResult> RunAsync(DrTopology topology, CancellationToken cancellationToken = default)
    {
        var procedure = new DrProcedure(ports, topology, "Failback");
        var startedAt = ports.Time.GetUtcNow();
        if (!await ports.Ledger.ReadPromotedAsync(cancellationToken))
        {
            return await procedure.RefuseAsync(
                $"stack {topology.StackName} is not failed over (the release ledger's drPromoted is false); nothing was changed", startedAt);
        }

        var (primary, dr) = (topology.Primary, topology.Dr);
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        var steps = new DrSteps(ports, options);
        string? drArn = null;
        string? primaryArn = null;
        DateTimeOffset writesStoppedAt = default;
        IReadOnlyList<DrStep> plan =
        [
            new("check-dr-database", $"check that {dr.InstanceId} in {dr.Region} is the available, standalone primary", async t =>
            {
                var state = await ports.Database.DescribeAsync(dr.Region, dr.InstanceId, t);
                if (state?.IsAvailableStandalone != true)
                {
                    throw new DrStepException($"{dr.InstanceId} in {dr.Region} is {(state is null ? "missing" : $"{state.Status}, replica of {state.ReplicaOf ?? "nothing"}")}; fail-back starts from an available standalone DR database");
                }

                drArn = state.Arn;
                return $"{dr.InstanceId} ({state.Arn}) is available and standalone";
            }),
            .. steps.NewReplica(primary, dr, $"{primary.InstanceId}-retired-{stamp}", () => drArn!, t => NewPrimaryMayExistAsync(topology, t)),
            new("catch-up", $"wait until the new replica's lag is under the RPO target ({options.RpoTargetSeconds} s)", t =>
            {
                var since = ports.Time.GetUtcNow();
                return steps.WaitForLagAsync(primary, options.RpoTargetSeconds, () => since, t);
            }),
            .. steps.Scale(dr, "stop-writes", _ => ServiceCapacity.Stopped).Select(s => s with { Description = $"stop writes: {s.Description}" }),
            new("wait-lag-zero", "wait until the new replica has applied every write (ReplicaLag 0 since the writes stopped)", t =>
            {
                writesStoppedAt = ports.Time.GetUtcNow();
                return steps.WaitForLagAsync(primary, 0, () => writesStoppedAt, t);
            }),
            .. steps.Promote(primary.Region, primary.InstanceId).Select(s => s with { Name = $"{s.Name}-{primary.Region}" }),
            .. steps.Scale(primary, "primary-services", s => s.Live),
            steps.Dns(topology, toDr: false),
            new("read-new-primary", $"read the ARN of the new primary {primary.InstanceId}", async t =>
            {
                primaryArn = (await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, t))?.Arn
                    ?? throw new DrStepException($"{primary.InstanceId} disappeared from {primary.Region}");
                return primaryArn;
            }),
            .. steps.NewReplica(dr, primary, $"{dr.InstanceId}-retired-{stamp}", () => primaryArn!),
            new("record-promotion", "record drPromoted: false in the release ledger", async t =>
            {
                await ports.Ledger.RecordPromotedAsync(false, t);
                return "drPromoted is false (desired and applied): the program declares the original topology again";
            }),
        ];
        return await procedure.RunAsync(plan, $"{topology.StackName} runs in {primary.Region} again, with a new replica in {dr.Region}",
            Afterwards(topology, stamp), NotificationSeverity.Info, cancellationToken);
    }

    /// <summary>
    /// A standalone instance in the original region is the stale old primary only while the DR services still take
    /// writes; once a fail-back stopped them, it may be the new primary a failed run already promoted, which must never
    /// be renamed aside.
    /// </summary>
    private async Task<string?> NewPrimaryMayExistAsync(DrTopology topology, CancellationToken cancellationToken)
    {
        var dr = topology.Dr;
        foreach (var service in dr.Services)
        {
            if ((await ports.Services.DescribeAsync(dr.Region, dr.ClusterName, service.EcsServiceName, cancellationToken))?.Desired > 0) return null;
        }

        return $"the DR services are already stopped, so {topology.Primary.InstanceId} in {topology.Primary.Region} may be the primary a previous fail-back promoted; " +
            "it is not renamed. Check it, then finish by hand (README, Disaster recovery, Fail-back)";
    }

    /// <summary>
    /// Pulumi's state still records the instances that were renamed aside (its id for an RDS instance is the resource
    /// id, which a renamed instance keeps); the new instances carry the same identifiers and endpoints, so state is
    /// moved by hand, once, before the next update.
    /// </summary>
    private static IReadOnlyList<string> Afterwards(DrTopology topology, string stamp)
    {
        var (primary, dr, stack) = (topology.Primary, topology.Dr, topology.StackName);
        return
        [
            $"Before the next `pulumi up`, point Pulumi's state at the new instances: `pulumi state delete --stack {stack} <URN of the primary aws:rds/instance:Instance>` " +
            $"and `pulumi import --stack {stack} aws:rds/instance:Instance <its resource name> {primary.InstanceId} --parent <its parent URN>`, and the same for the DR replica ({dr.InstanceId}); " +
            "`pulumi stack --show-urns` lists the URNs. Then `pulumi preview --diff` must show no replacement of either instance.",
            $"The replaced instances are kept, renamed: {primary.InstanceId}-retired-{stamp} in {primary.Region} and {dr.InstanceId}-retired-{stamp} in {dr.Region}. " +
            "Delete them (with a final snapshot) once the data is checked.",
            "A replica is created single-AZ with the source's instance class: the next `pulumi up` applies the declared Multi-AZ and class.",
        ];
    }
}
