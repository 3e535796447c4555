namespace Infra.Runner.Rollout;

/// <summary>
/// The hooks of one release, from the stack's <c>infra:rollout.hooks</c> and the deploy's flags; kept with the plan so
/// <c>resume</c> runs the same ones. Records stored before hooks existed read <see cref="None"/>.
/// </summary>
/// <param name="Snapshot">A manual snapshot of the primary database before anything changes.</param>
/// <param name="KeepSnapshots">Release snapshots kept after a successful release (the newest ones).</param>
/// <param name="Migration">One task of a service's new color after it is ready, before any traffic moves; null: none.</param>
public sealed record ReleaseHooks(bool Snapshot, int KeepSnapshots, MigrationHook? Migration)
{
    public static ReleaseHooks None { get; } = new(false, 10, null);

    /// <summary>How long a snapshot may take to become available; then the release stops before any change.</summary>
    public TimeSpan SnapshotTimeout { get; init; } = TimeSpan.FromMinutes(60);
}

/// <summary>The migration task: <paramref name="Command"/> overrides the service container's command; it must stop within <paramref name="Timeout"/>.</summary>
public sealed record MigrationHook(string Service, IReadOnlyList<string> Command, TimeSpan Timeout);
