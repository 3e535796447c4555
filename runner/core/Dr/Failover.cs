using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>
/// <c>failover</c>: moves the stack to its DR region using only the DR region's APIs and Route 53 (global). Refuses,
/// changing nothing, while the primary answers healthy (its health URL 2xx AND its database available) unless forced,
/// and always for a DR database it cannot promote (<see cref="FailoverStartingPoint"/>); then marks the release documents (so code older than the <c>dr</c> item stops instead of declaring the stack
/// unpromoted), stops the primary's services where its API answers (before the promotion: a primary still up would
/// otherwise take writes the promoted copy never sees, for as long as the DR services start and DNS moves), promotes
/// the replica, records the promotion in the ledger (so a later <c>pulumi up</c> keeps it), reads which colors the DR
/// load balancer forwards to and scales those and the ledger's release's colors to their live counts
/// (<see cref="DrRoutedColors"/>), moves DNS, stops the primary's services again, and pages. Steps are safe to re-run
/// after a failure.
/// </summary>
public sealed class Failover(DrPorts ports, DrOptions options)
{
    public async Task<DrResult> RunAsync(DrTopology topology, bool force, CancellationToken cancellationToken = default)
    {
        var procedure = new DrProcedure(ports, topology, "Failover");
        var startedAt = ports.Time.GetUtcNow();
        if (!force)
        {
            var healthy = await PrimaryHealthyAsync(topology, procedure, cancellationToken);
            if (healthy is not null)
            {
                return await procedure.RefuseAsync(
                    $"the primary region {topology.Primary.Region} answers healthy ({healthy}); nothing was changed. Fail over anyway with --force", startedAt);
            }
        }
        else
        {
            await procedure.EventAsync("Forced", "--force: the primary region's health is not checked");
        }

        var promoted = new PromotedReplica(ports.Ledger, topology);
        if (await new FailoverStartingPoint(ports.Database, topology, promoted).RefusalAsync(cancellationToken) is { } refusal)
        {
            return await procedure.RefuseAsync(refusal, startedAt);
        }

        var dr = topology.Dr;
        var steps = new DrSteps(ports, options);
        var routed = new DrRoutedColors(ports.Routes, dr);
        var promoteRefused = false;
        IReadOnlyList<DrStep> plan =
        [
            steps.MarkRelease(promoted: true),
            steps.FenceBeforePromotion(topology.Primary),
            .. steps.Promote(dr.Region, dr.InstanceId, promoted).Select(step => step.Name != "promote-database" ? step : step with
            {
                Run = async t =>
                {
                    try
                    {
                        return await step.Run(t);
                    }
                    catch (PromotionRefusedException)
                    {
                        promoteRefused = true;
                        throw;
                    }
                },
            }),
            new("record-promotion", "record the promotion (promoted: true) in the release ledger's dr item, through its replica in the DR region", async t =>
            {
                await ports.Ledger.RecordPromotionAsync(PromotionState.Promoted, t);
                return "the ledger's dr item says promoted: every later update, a plain `pulumi up` included, keeps the DR region promoted";
            }),
            routed.Read(),
            .. steps.Scale(dr, () => routed.Services, "dr-services", s => s.Live, routed.Described),
            steps.Dns(topology, toDr: true),
            // Again, best effort: a primary region in trouble may answer only now.
            steps.Fence(topology.Primary),
        ];
        return await procedure.RunAsync(plan, $"{topology.StackName} now runs in {dr.Region}: database {dr.InstanceId} promoted, services running, DNS moved",
            [$"When {topology.Primary.Region} is back, run `failback --stack {topology.StackName}`; until then do not run a full `pulumi up` (it needs the primary region's APIs)."],
            NotificationSeverity.Critical, cancellationToken, UnfencePrimary(topology, () => promoteRefused));
    }

    /// <summary>
    /// A promote call that fails (or is interrupted) would otherwise leave the stack with no service anywhere: the
    /// primary's services, stopped before it, start again at their live counts when RDS refused the call (<paramref name="refused"/>:
    /// nothing was promoted, whatever the instance shows) or the replica still plainly follows the primary. Otherwise the
    /// promotion may be under way, and a restarted primary would take writes it misses.
    /// </summary>
    private DrRecovery UnfencePrimary(DrTopology topology, Func<bool> refused)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        return new DrRecovery(new HashSet<string> { "promote-database" },
        [
            new("undo-fence-primary-first", $"scale the services in {primary.ClusterName} ({primary.Region}) back to their live counts, " +
                $"if RDS refused the promotion or {dr.InstanceId} is still an available replica (RDS DescribeDBInstances)", async t =>
            {
                var why = $"RDS refused to promote {dr.InstanceId}";
                if (!refused())
                {
                    var replica = await ports.Database.DescribeAsync(dr.Region, dr.InstanceId, t);
                    if (replica is not { Status: "available", ReplicaOf: not null })
                    {
                        throw new DrStepException(
                            $"{dr.InstanceId} is {DbInstanceState.Shown(replica)}, so it may be being promoted: the primary's services stay stopped; " +
                            $"finish with `failover --stack {topology.StackName} --yes --force`");
                    }

                    why = $"{dr.InstanceId} still replicates {replica.ReplicaOf}";
                }

                foreach (var service in primary.Services) await ports.Services.ScaleAsync(primary.Region, primary.ClusterName, service.EcsServiceName, service.Live, t);
                return $"{string.Join(", ", primary.Services.Select(s => $"{s.EcsServiceName} to {s.Live}"))}; {why}";
            }),
        ],
        $"undone: {dr.InstanceId} was not promoted and the primary's services are scaled back to their live counts in {primary.Region}");
    }

    /// <summary>A description of why the primary counts as healthy; null when it does not (either probe failed or did not answer).</summary>
    private async Task<string?> PrimaryHealthyAsync(DrTopology topology, DrProcedure procedure, CancellationToken cancellationToken)
    {
        var primary = topology.Primary;
        (bool Healthy, string Detail) http;
        try
        {
            http = await ports.Health.GetAsync(topology.PrimaryHealthUrl, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            http = (false, $"no answer: {error.Message}");
        }

        string database;
        bool databaseUp;
        try
        {
            var state = await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, cancellationToken);
            databaseUp = state?.Status == "available";
            database = state is null ? "no such instance" : state.Status;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            (databaseUp, database) = (false, $"the RDS API did not answer: {error.Message}");
        }

        var seen = $"{topology.PrimaryHealthUrl}: {http.Detail}; database {primary.InstanceId}: {database}";
        await procedure.EventAsync("PrimaryChecked", $"primary region {primary.Region}: {seen}");
        return http.Healthy && databaseUp ? seen : null;
    }
}
