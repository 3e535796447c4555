using Infra.Runner.Drill;

namespace Infra.Runner.Dr;

/// <summary>
/// A PromoteReadReplica call that got no answer (timed out and cancelled, a dropped connection, a server error) may
/// still have reached RDS (and one answered InvalidDBInstanceState may be the SDK's retry of a call RDS took: <see cref="PromotionMaybeTakenException"/>), which then promotes after the runner gave up. Until RDS shows which, neither undoing (a
/// primary restarted beside a promoted copy diverges from it) nor going on is safe, so RDS is watched: RDS shows a
/// promotion as <c>modifying</c> (then a reboot) with the source still set, and the instance standalone once it is done.
/// </summary>
internal sealed class UnansweredPromote(DrPorts ports, DrOptions options, string region, string instanceId)
{
    /// <summary>
    /// What the step reports when RDS took the call (the instance became standalone: failover goes on and waits for it).
    /// Throws, naming what was seen, when the replica stayed an available replica of its source for
    /// <see cref="DrOptions.UnansweredPromote"/> (not promoted: the caller's undo may restart the primary), or when it
    /// was still changing, neither, after <see cref="DrOptions.Promote"/> (unknown: the undo leaves the primary stopped).
    /// </summary>
    public async Task<string> SettleAsync(Exception unanswered, CancellationToken cancellationToken)
    {
        var call = unanswered is PromotionMaybeTakenException ? unanswered.Message : $"PromoteReadReplica for {instanceId} got no answer ({unanswered.Message})";
        var sentAt = ports.Time.GetUtcNow();
        while (true)
        {
            DbInstanceState? seen = null;
            string shown;
            try
            {
                seen = await ports.Database.DescribeAsync(region, instanceId, cancellationToken);
                shown = DbInstanceState.Shown(seen);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                shown = $"not known: the RDS API did not answer ({error.Message})";
            }

            if (seen is { ReplicaOf: null }) return $"{call}, but RDS took it: {instanceId} is {shown}; the promotion goes on";
            var waited = ports.Time.GetUtcNow() - sentAt;
            if (seen is { Status: "available" } && waited >= options.UnansweredPromote)
            {
                throw new DrStepException($"{call}; {DrillReport.Duration(waited)} later {instanceId} is still {shown}, so RDS did not promote it");
            }

            if (waited >= options.Promote)
            {
                throw new DrStepException(
                    $"{call}; {DrillReport.Duration(waited)} later {instanceId} is {shown}: whether RDS is promoting it is not known");
            }

            await Task.Delay(options.Poll, ports.Time, cancellationToken);
        }
    }
}
