namespace Infra.Runner.Rollout;

/// <summary>
/// The deploy's flags that changed the stack's release hooks for this release. The plan already holds their effect
/// (its hooks, webhooks and pause timeout action); this keeps what was overridden and why, in the plan and so in the
/// rollout record, for the journal, <c>status</c> and <c>history</c>. Records stored before it existed read <see cref="None"/>.
/// </summary>
public sealed record HookOverrides
{
    public static HookOverrides None { get; } = new();

    /// <summary><c>--snapshot</c> (true) or <c>--no-snapshot</c> (false); null: the stack's <c>backupBeforeDeploy</c>.</summary>
    public bool? Snapshot { get; init; }

    /// <summary><c>--no-migration REASON</c>: the stack's migration task does not run, for this reason; null: it runs.</summary>
    public string? NoMigrationReason { get; init; }

    /// <summary><c>--no-webhooks</c>: none of the stack's webhooks is called.</summary>
    public bool NoWebhooks { get; init; }

    /// <summary><c>--skip-webhook NAME</c>, in the order given: these webhooks are not called.</summary>
    public IReadOnlyList<string> SkippedWebhooks { get; init; } = [];

    /// <summary><c>--pause-timeout-action</c>; null: the stack's <c>pauseTimeoutAction</c>.</summary>
    public PauseTimeoutAction? PauseTimeoutAction { get; init; }

    public bool Any => Flags().Any();

    /// <summary>The flags as typed, e.g. <c>--no-snapshot, --skip-webhook audit, --no-migration "applied by hand"</c>.</summary>
    public string Describe() => string.Join(", ", Flags());

    private IEnumerable<string> Flags()
    {
        if (Snapshot is { } snapshot) yield return snapshot ? "--snapshot" : "--no-snapshot";
        if (NoMigrationReason is { } reason) yield return $"--no-migration \"{reason}\"";
        if (NoWebhooks) yield return "--no-webhooks";
        foreach (var name in SkippedWebhooks) yield return $"--skip-webhook {name}";
        if (PauseTimeoutAction is { } action) yield return $"--pause-timeout-action {action.ToString().ToLowerInvariant()}";
    }
}
