namespace Infra.Runner.Rollout;

/// <summary>
/// Reads the deploy's hook flags into <see cref="HookOverrides"/>, refusing contradictions at once and, once the stack's
/// settings are in (<see cref="RolloutArguments.FromStack"/>), a flag that overrides something the stack does not declare:
/// such a flag is most likely aimed at another stack.
/// </summary>
internal static class HookOverridesParser
{
    public static HookOverrides Parse(RolloutArguments args, IReadOnlyList<RolloutPause> pauses)
    {
        if (args.SnapshotFlag && args.NoSnapshot)
        {
            throw new RolloutInputException("--snapshot and --no-snapshot contradict each other; give only one of them");
        }

        return new HookOverrides
        {
            Snapshot = args.SnapshotFlag ? true : args.NoSnapshot ? false : null,
            NoMigrationReason = NoMigrationReason(args),
            NoWebhooks = NoWebhooks(args),
            SkippedWebhooks = SkippedWebhooks(args),
            PauseTimeoutAction = PauseTimeoutAction(args, pauses),
        };
    }

    /// <summary>
    /// Skipping a migration is the one override that can leave the new version without the schema it needs, so it
    /// takes a reason, which the journal, the notification, status and history show.
    /// </summary>
    private static string? NoMigrationReason(RolloutArguments args)
    {
        if (args.NoMigrationReason is not { } given) return null;
        var reason = given.Trim();
        if (reason.Length == 0)
        {
            throw new RolloutInputException(
                "--no-migration needs a reason, e.g. --no-migration \"schema applied by hand in INC-123\"; it is journaled and shown by status and history");
        }

        if (args.FromStack && args.Migration is null)
        {
            throw new RolloutInputException("--no-migration: the stack declares no migration (infra:rollout.hooks.migration); drop the flag");
        }

        return reason;
    }

    private static bool NoWebhooks(RolloutArguments args)
    {
        if (!args.NoWebhooks) return false;
        if (args.SkipWebhooks.Count > 0)
        {
            throw new RolloutInputException("--no-webhooks already skips every webhook; drop --skip-webhook");
        }

        if (args.FromStack && args.Webhooks.Count == 0)
        {
            throw new RolloutInputException("--no-webhooks: the stack declares no webhooks (infra:rollout.hooks.webhooks); drop the flag");
        }

        return true;
    }

    private static IReadOnlyList<string> SkippedWebhooks(RolloutArguments args)
    {
        var names = new List<string>();
        foreach (var name in args.SkipWebhooks.Select(n => n.Trim()))
        {
            if (names.Contains(name))
            {
                throw new RolloutInputException($"--skip-webhook {name} is given twice");
            }

            if (args.FromStack && args.Webhooks.All(h => h.Name != name))
            {
                throw new RolloutInputException(args.Webhooks.Count == 0
                    ? $"--skip-webhook '{name}': the stack declares no webhooks (infra:rollout.hooks.webhooks)"
                    : $"--skip-webhook '{name}': the stack declares no webhook of that name; it declares: {string.Join(", ", args.Webhooks.Select(h => h.Name).Distinct())}");
            }

            names.Add(name);
        }

        return names;
    }

    private static PauseTimeoutAction? PauseTimeoutAction(RolloutArguments args, IReadOnlyList<RolloutPause> pauses)
    {
        if (args.PauseTimeoutActionFlag is not { } flag) return null;
        var action = RolloutPlanParser.ParsePauseTimeoutAction("--pause-timeout-action", flag);
        if (args.FromStack && pauses.All(p => p.Timeout is null))
        {
            throw new RolloutInputException(
                $"--pause-timeout-action applies when a timed pause (pause:30m) times out, and the steps {args.Steps.Trim()} have none; drop the flag or add one to --steps");
        }

        return action;
    }
}
