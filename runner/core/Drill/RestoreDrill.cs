using Infra.Runner.Dr;

namespace Infra.Runner.Drill;

/// <summary>
/// The restore drill's phases: markers to the primary, a point-in-time restore of the primary into a new instance (to
/// the moment the drill chose, when it stopped the marker writer, or to <c>infra:database.restoreTest.pointInTime</c>,
/// in the class <c>restoreTest.instanceClass</c> names), the newest marker read from it, and the instance deleted afterwards
/// whatever happened (Ctrl+C included). RTO is the drill's start to the restored instance being available.
/// </summary>
internal sealed class RestoreDrill(DrillPorts ports, DrillSession session)
{
    /// <summary>RDS instance identifiers: at most 63 letters, digits and hyphens.</summary>
    private const int MaxIdentifierLength = 63;

    /// <summary>Statuses from which a restore never becomes available.</summary>
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal)
    {
        "failed", "incompatible-restore", "incompatible-parameters", "incompatible-network", "storage-full",
        "inaccessible-encryption-credentials", "deleting",
    };

    private IPointInTimeRestore Restore => ports.Restore;

    public async Task<DrillEnding> RunAsync(CancellationToken cancellationToken)
    {
        DrillEnding ending;
        try
        {
            ending = await PhasesAsync(cancellationToken);
        }
        finally
        {
            await CleanupAsync();
        }

        // The ending names what became of the instance; a failed deletion fails a drill that otherwise passed.
        var facts = session.Facts;
        var message = facts.RestoreInstanceId is null ? ending.Message : $"{ending.Message}. {CleanupLine(facts)}";
        var outcome = facts.Cleanup == RestoreCleanup.DeletionFailed && ending.Outcome is DrillOutcome.Succeeded or DrillOutcome.TargetsMissed
            ? DrillOutcome.Failed
            : ending.Outcome;
        return new DrillEnding(outcome, message);
    }

    /// <summary>An interrupted restore drill's message; cleanup has already run.</summary>
    public static string Interrupted(DrillFacts facts)
    {
        // The cleanup has ended the interrupted phase as failed.
        var phase = (facts.FailedPhase ?? facts.Running) is { } stopped ? $" during phase {DrillReport.PhaseName(stopped)}" : "";
        return facts.RestoreInstanceId is null ? $"Interrupted{phase}; no restore was started" : $"Interrupted{phase}. {CleanupLine(facts)}";
    }

    private async Task<DrillEnding> PhasesAsync(CancellationToken cancellationToken)
    {
        if (await session.StartMarkersAsync(cancellationToken) is { } markersFailed) return markersFailed;

        var stack = session.Facts.Stack;
        var target = TargetIdentifier(stack.PrimaryIdentifier!, session.Facts.DrillId);
        // The restore time is chosen now (or fixed by infra:database.restoreTest.pointInTime); the writer stops here, so
        // the last marker is the newest the restored instance should hold.
        var restoreTime = stack.RestoreTest?.PointInTime ?? session.Now;
        var request = new RestoreRequest(stack.PrimaryIdentifier!, target, restoreTime, stack.RestoreTest?.InstanceClass);
        await session.BeginAsync(DrillPhase.Restore,
            $"restoring {stack.PrimaryIdentifier} as of {DrillReport.Time(restoreTime)} into {target} ({request.InstanceClass ?? "the primary's instance class"}) " +
            $"once RDS can restore to that time (it trails by up to {DrillReport.Duration(DrillOptions.RestorableDelay)})", cancellationToken);
        await session.StopMarkersAsync();
        var restorable = restoreTime + DrillOptions.RestorableDelay - session.Now;
        if (restorable > TimeSpan.Zero) await session.Guard(t => Task.Delay(restorable, ports.Time, t), cancellationToken);

        // Recorded before the call, so an instance a failed call half-created is deleted too.
        session.Facts = session.Facts with { RestoreInstanceId = target, RestoreTime = restoreTime };
        try
        {
            await session.Guard(t => Restore.StartRestoreAsync(request, t), cancellationToken);
        }
        catch (Exception error) when (error is not InterruptedDrill)
        {
            return await session.FailAsync(DrillEventKind.RestoreFailed, $"Starting the point-in-time restore of {stack.PrimaryIdentifier} into {target} failed: {error.Message}");
        }

        await session.AppendAsync(DrillEventKind.RestoreStarted, $"Restore of {stack.PrimaryIdentifier} into {target} started", cancellationToken);
        string address;
        try
        {
            address = await session.Guard(t => WaitAvailableAsync(target, t), cancellationToken);
        }
        catch (DrStepException failure)
        {
            return await session.FailAsync(DrillEventKind.RestoreFailed, failure.Message);
        }

        session.Facts = session.Facts with { RestoredAt = session.Now };
        session.Passed();
        await session.AppendAsync(DrillEventKind.Restored, $"{target} is available at {address}", cancellationToken);

        var restored = new MarkerDatabase($"restored instance {target}", address, stack.Primary.Port);
        if (await session.ReadMarkersAsync(restored, cancellationToken) is { } readFailed) return readFailed;

        return new DrillEnding(DrillOutcome.Succeeded,
            $"The restored instance {target} was available; RTO {DrillReport.Rto(session.Facts)}, RPO {DrillReport.Rpo(session.Facts)}");
    }

    /// <summary>The address once the instance is available; a status it never leaves, a vanished instance or the timeout is a <see cref="DrStepException"/>.</summary>
    private async Task<string> WaitAvailableAsync(string target, CancellationToken cancellationToken)
    {
        string? last = null;
        return await DrWait.UntilAsync(ports.Time, DrillOptions.RestorePollInterval, DrillOptions.RestoreTimeout, $"{target} becoming available", async t =>
        {
            var (status, address) = await Restore.DescribeAsync(target, t)
                ?? throw new DrStepException($"The restored instance {target} does not exist (deleted by someone else, or the restore was rejected)");
            if (Terminal.Contains(status)) throw new DrStepException($"The restore of {target} ended in status {status}; it will not become available");
            if (status != last)
            {
                last = status;
                if (status != "available") await session.AppendAsync(DrillEventKind.RestoreStatus, $"{target}: {status}", t);
            }

            return (status == "available" && address is { Length: > 0 }, address ?? "", status);
        }, cancellationToken);
    }

    /// <summary>Phase <see cref="DrillPhase.Cleanup"/>: whatever happened, the drill's instance does not outlive it.</summary>
    private async Task CleanupAsync()
    {
        if (session.Facts.RestoreInstanceId is not { } target) return;
        if (session.Facts.Running is not null) session.Facts = session.Facts.End(session.Now, PhaseResult.Failed);
        await session.BeginAsync(DrillPhase.Cleanup, $"deleting {target} (no final snapshot)", CancellationToken.None);
        try
        {
            await Restore.DeleteAsync(target, CancellationToken.None);
            session.Facts = session.Facts with { Cleanup = RestoreCleanup.Deleted };
            session.Passed();
            await session.AppendAsync(DrillEventKind.InstanceDeleted, $"{target} deleted", CancellationToken.None);
        }
        catch (Exception error)
        {
            session.Facts = session.Facts with { Cleanup = RestoreCleanup.DeletionFailed, CleanupDetail = error.Message };
            session.Facts = session.Facts.End(session.Now, PhaseResult.Failed);
            await session.AppendAsync(DrillEventKind.InstanceDeletionFailed, CleanupLine(session.Facts), CancellationToken.None);
        }
    }

    /// <summary>What became of the restored instance, with the command that deletes it when the drill could not.</summary>
    public static string CleanupLine(DrillFacts facts) => facts.Cleanup switch
    {
        RestoreCleanup.Deleted => $"The restored instance {facts.RestoreInstanceId} was deleted",
        RestoreCleanup.DeletionFailed =>
            $"Deleting the restored instance {facts.RestoreInstanceId} failed ({facts.CleanupDetail}); it still costs money: delete it with " +
            $"`aws rds delete-db-instance --region {facts.Stack.Region} --db-instance-identifier {facts.RestoreInstanceId} --skip-final-snapshot --delete-automated-backups`",
        _ => "No instance was restored",
    };

    /// <summary>The primary's identifier and the drill id, cut so the whole stays a valid identifier.</summary>
    public static string TargetIdentifier(string primary, string drillId)
    {
        var prefix = primary[..Math.Min(primary.Length, MaxIdentifierLength - drillId.Length - 1)].TrimEnd('-');
        return $"{prefix}-{drillId}";
    }
}
