namespace Infra.Runner.Rollout;

/// <summary>Where a hook of the rollout is, as its record keeps it for <c>resume</c>.</summary>
public enum HookState
{
    /// <summary>Started and not known to have ended: resume waits for <see cref="HookRecord.Reference"/> when it has one.</summary>
    Running,

    /// <summary>Finished well: resume never runs it again.</summary>
    Done,

    /// <summary>Finished badly (a notification hook whose failure does not stop the release): resume does not run it again.</summary>
    Failed,
}

/// <summary>
/// One hook of the rollout: its name as the journal spells it (<c>snapshot</c>, <c>migration</c>, <c>prune</c>,
/// <c>pause:N</c>, <c>inconclusive:N</c>, <c>webhook:&lt;name&gt;</c>, <c>dr-tier</c>), its state, and what it is waited for by (a snapshot id, a task ARN).
/// </summary>
public sealed record HookRecord(string Name, HookState State, string? Reference, DateTimeOffset StartedAt);

/// <summary>The hook names and stages the journal's <c>hook</c> and <c>at</c> data use.</summary>
public static class HookNames
{
    public const string Snapshot = "snapshot";
    public const string Migration = "migration";
    public const string Prune = "prune";

    /// <summary>The update of the DR region's copies once the release completed (see <see cref="DrTierUpdate"/>).</summary>
    public const string DrTier = "dr-tier";

    /// <summary>Pause steps' and webhooks' names: <c>pause:N</c> (after step N), <c>webhook:NAME</c>.</summary>
    public const string PausePrefix = "pause:";
    public const string WebhookPrefix = "webhook:";

    /// <summary>The pause of a step whose analysis stayed inconclusive (<c>onInconclusive: pause</c>): <c>inconclusive:N</c>, N the step (1-based).</summary>
    public const string InconclusivePrefix = "inconclusive:";

    public const string PreRelease = "pre-release";
    public const string PreTraffic = "pre-traffic";
    public const string PostStep = "post-step";
    public const string PostRelease = "post-release";
    public const string Rollback = "rollback";

    public static string InconclusivePause(int stepIndex) => $"{InconclusivePrefix}{stepIndex + 1}";

    /// <summary>The record's entry for <paramref name="name"/>, or null when the hook has not started.</summary>
    public static HookRecord? Find(this RolloutRecord record, string name) => record.Hooks?.FirstOrDefault(h => h.Name == name);

    /// <summary>The named hook's state, or null when it has not started (records stored before hooks existed have none).</summary>
    public static HookState? HookStateOf(this RolloutRecord record, string name) => record.Find(name)?.State;

    /// <summary>True when the hook finished (well or not): resume never runs it again.</summary>
    public static bool Finished(this RolloutRecord record, string name) => record.Find(name) is { State: not HookState.Running };

    /// <summary>The record with <paramref name="hook"/> in place of the entry of the same name (appended when new).</summary>
    public static RolloutRecord WithHook(this RolloutRecord record, HookRecord hook) => record with
    {
        Hooks = [.. (record.Hooks ?? []).Where(h => h.Name != hook.Name), hook],
    };
}
