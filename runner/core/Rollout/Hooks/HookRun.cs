using System.Globalization;

namespace Infra.Runner.Rollout;

/// <summary>What a hook needs from the rollout that runs it: its record, a way to store a hook's state, and the poll's ownership check.</summary>
internal interface IHookHost
{
    RolloutRecord Record { get; }

    /// <summary>Stores the hook's entry in the rollout record (the phase clock keeps running).</summary>
    Task SaveHookAsync(HookRecord hook, CancellationToken cancellationToken);

    /// <summary>Acts on an abort, rollback or take-over like any other poll does (it throws to unwind).</summary>
    Task PollOwnershipAsync(CancellationToken cancellationToken);
}

/// <summary>How a hook ended, as the journal's <c>result</c> says it.</summary>
internal enum HookResult
{
    Ok,
    Failed,
    Timeout,
}

/// <summary>
/// The journaling and bookkeeping every hook shares: HookStarted and HookFinished events (data: hook, at, result,
/// durationSeconds, output), the hook's entry in the record, and a poll loop with progress lines and a deadline.
/// </summary>
internal sealed class HookRun(RolloutPorts ports, RolloutReporter reporter, IHookHost host)
{
    public RolloutRecord Record => host.Record;

    public RolloutPorts Ports => ports;

    public async Task<HookRecord> StartAsync(string name, string at, string? reference, string message, CancellationToken cancellationToken)
    {
        var hook = new HookRecord(name, HookState.Running, reference, ports.Time.GetUtcNow());
        // Stored before the hook acts, so a runner killed mid-hook leaves a record that resume continues, not repeats.
        await host.SaveHookAsync(hook, cancellationToken);
        await reporter.AppendAsync(Record.Id, RolloutEventKind.HookStarted, message, StartData(name, at), cancellationToken);
        return hook;
    }

    /// <summary>
    /// HookStarted alone, for a hook whose entry is stored only once it ends (a webhook) or by its own step (a pause);
    /// a broken journal does not stop it (a rollback's notifications run after traffic moved back).
    /// </summary>
    public Task JournalStartAsync(string name, string at, string message, CancellationToken cancellationToken) =>
        reporter.TryAppendAsync(Record.Id, RolloutEventKind.HookStarted, message, StartData(name, at), cancellationToken);

    private static Dictionary<string, string> StartData(string name, string at) => new() { ["hook"] = name, ["at"] = at };

    /// <summary>Stores a reference learned after the start (a task's ARN), so resume waits for it instead of starting another.</summary>
    public async Task<HookRecord> ReferAsync(HookRecord hook, string reference, CancellationToken cancellationToken)
    {
        var referred = hook with { Reference = reference };
        await host.SaveHookAsync(referred, cancellationToken);
        return referred;
    }

    public async Task FinishAsync(HookRecord hook, string at, HookResult result, string output, string message, CancellationToken cancellationToken)
    {
        await host.SaveHookAsync(Ended(hook, result), cancellationToken);
        await JournalFinishAsync(hook.Name, hook.StartedAt, at, result, output, message, cancellationToken);
    }

    /// <summary>The hook's entry once it ended: done when ok, failed otherwise (resume runs neither again).</summary>
    public static HookRecord Ended(HookRecord hook, HookResult result) =>
        hook with { State = result == HookResult.Ok ? HookState.Done : HookState.Failed };

    /// <summary>HookFinished alone (see <see cref="JournalStartAsync"/>); a broken journal never stops a release or its rollback.</summary>
    public Task JournalFinishAsync(
        string name, DateTimeOffset startedAt, string at, HookResult result, string output, string message, CancellationToken cancellationToken)
    {
        var seconds = (ports.Time.GetUtcNow() - startedAt).TotalSeconds;
        return reporter.TryAppendAsync(Record.Id, RolloutEventKind.HookFinished, message, new Dictionary<string, string>
        {
            ["hook"] = name,
            ["at"] = at,
            ["result"] = result.ToString().ToLowerInvariant(),
            ["durationSeconds"] = Math.Round(seconds).ToString(CultureInfo.InvariantCulture),
            ["output"] = output,
        }, cancellationToken);
    }

    /// <summary>
    /// Reads every poll interval until <paramref name="ended"/> or <paramref name="until"/>, reporting a progress line
    /// each time; abort and rollback are acted on at every poll. Returns the last state read and whether time ran out.
    /// </summary>
    public async Task<(T Last, bool TimedOut)> PollAsync<T>(
        DateTimeOffset until, Func<CancellationToken, Task<T>> read, Func<T, bool> ended, Func<T, string> describe, CancellationToken cancellationToken)
    {
        while (true)
        {
            await host.PollOwnershipAsync(cancellationToken);
            var state = await read(cancellationToken);
            var left = until - ports.Time.GetUtcNow();
            left = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            reporter.Report(new RolloutProgress(Record.Id, Record.Phase, 0, Record.Plan.Steps.Count, 0, left, new Dictionary<string, AlarmState>())
            {
                Readiness = describe(state),
            });
            if (ended(state)) return (state, false);
            if (left == TimeSpan.Zero) return (state, true);
            var interval = Record.Plan.PollInterval;
            await Task.Delay(left < interval ? left : interval, ports.Time, cancellationToken);
        }
    }
}
