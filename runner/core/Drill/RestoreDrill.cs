namespace Infra.Runner.Drill;

/// <summary>
/// The restore drill's phases: markers to the primary, a point-in-time restore of the primary (as it was when the
/// marker writer stopped) into a new instance, the newest marker read from it, and the instance deleted afterwards
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

    public async Task<DrillResult> RunAsync(CancellationToken cancellationToken)
    {
        DrillResult result;
        try
        {
            result = await PhasesAsync(cancellationToken);
        }
        finally
        {
            await CleanupAsync();
        }

        // Rendered again after the cleanup, so the reports say what became of the instance.
        var facts = session.Facts;
        var message = facts.RestoreInstanceId is null ? result.Message : $"{result.Message}. {CleanupLine(facts)}";
        var outcome = facts.Cleanup == RestoreCleanup.DeletionFailed && result.Outcome is DrillOutcome.Succeeded or DrillOutcome.TargetsMissed
            ? DrillOutcome.Failed
            : result.Outcome;
        return session.Ended(outcome, message);
    }

    /// <summary>An interrupted restore drill's message; cleanup has already run.</summary>
    public static string Interrupted(DrillFacts facts)
    {
        // The cleanup has ended the interrupted phase as failed.
        var phase = (facts.FailedPhase ?? facts.Running) is { } stopped ? $" during phase {DrillReport.PhaseName(stopped)}" : "";
        return facts.RestoreInstanceId is null ? $"Interrupted{phase}; no restore was started" : $"Interrupted{phase}. {CleanupLine(facts)}";
    }

    private async Task<DrillResult> PhasesAsync(CancellationToken cancellationToken)
    {
        if (await session.WriteMarkersAsync(cancellationToken) is { } markersFailed) return markersFailed;

        var stack = session.Facts.Stack;
        var restoreTime = session.Facts.Phases[^1].EndedAt!.Value;
        var target = TargetIdentifier(stack.PrimaryIdentifier!, session.Facts.DrillId);
        await session.BeginAsync(DrillPhase.Restore,
            $"restoring {stack.PrimaryIdentifier} as of {DrillReport.Time(restoreTime)} into {target} once RDS can restore to that time " +
            $"(it trails by up to {DrillReport.Duration(DrillOptions.RestorableDelay)})", cancellationToken);
        await session.Guard(t => Task.Delay(DrillOptions.RestorableDelay, ports.Time, t), cancellationToken);

        // Recorded before the call, so an instance a failed call half-created is deleted too.
        session.Facts = session.Facts with { RestoreInstanceId = target, RestoreTime = restoreTime };
        try
        {
            await session.Guard(t => Restore.StartRestoreAsync(stack.PrimaryIdentifier!, target, restoreTime, t), cancellationToken);
        }
        catch (Exception error) when (error is not InterruptedDrill)
        {
            return await session.FailAsync(DrillEventKind.RestoreFailed, $"Starting the point-in-time restore of {stack.PrimaryIdentifier} into {target} failed: {error.Message}");
        }

        await session.AppendAsync(DrillEventKind.RestoreStarted, $"Restore of {stack.PrimaryIdentifier} into {target} started", cancellationToken);
        var (address, failure) = await WaitAvailableAsync(target, cancellationToken);
        if (address is null)
        {
            return await session.FailAsync(DrillEventKind.RestoreFailed, failure!);
        }

        session.Facts = session.Facts with { RestoredAt = session.Now };
        session.Passed();
        await session.AppendAsync(DrillEventKind.Restored, $"{target} is available at {address}", cancellationToken);

        var restored = new MarkerDatabase($"restored instance {target}", address, stack.Primary.Port);
        if (await session.ReadMarkersAsync(restored, cancellationToken) is { } readFailed) return readFailed;

        return session.Ended(DrillOutcome.Succeeded,
            $"The restored instance {target} was available; RTO {DrillReport.Rto(session.Facts)}, RPO {DrillReport.Rpo(session.Facts)}");
    }

    /// <summary>The address once the instance is available, or why it never will be (its status, or the timeout).</summary>
    private async Task<(string? Address, string? Failure)> WaitAvailableAsync(string target, CancellationToken cancellationToken)
    {
        var deadline = session.Now + DrillOptions.RestoreTimeout;
        string? last = null;
        while (true)
        {
            (string Status, string? Address)? seen;
            try
            {
                seen = await session.Guard(t => Restore.DescribeAsync(target, t), cancellationToken);
            }
            catch (Exception error) when (error is not InterruptedDrill)
            {
                return (null, $"Reading the status of {target} failed: {error.Message}");
            }

            if (seen is not { } instance)
            {
                return (null, $"The restored instance {target} does not exist (deleted by someone else, or the restore was rejected)");
            }

            if (instance.Status == "available" && instance.Address is { Length: > 0 } address) return (address, null);
            if (Terminal.Contains(instance.Status))
            {
                return (null, $"The restore of {target} ended in status {instance.Status}; it will not become available");
            }

            if (instance.Status != last)
            {
                last = instance.Status;
                await session.AppendAsync(DrillEventKind.RestoreStatus, $"{target}: {instance.Status}", cancellationToken);
            }

            if (session.Now + DrillOptions.RestorePollInterval > deadline)
            {
                return (null, $"The restored instance {target} was not available within {DrillReport.Duration(DrillOptions.RestoreTimeout)} (last status {instance.Status})");
            }

            await session.Guard(t => Task.Delay(DrillOptions.RestorePollInterval, ports.Time, t), cancellationToken);
        }
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
