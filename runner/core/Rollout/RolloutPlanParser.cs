using System.Globalization;

namespace Infra.Runner.Rollout;

/// <summary>Turns <see cref="RolloutArguments"/> into a <see cref="RolloutPlan"/>, or throws <see cref="RolloutInputException"/> with the fix.</summary>
public static class RolloutPlanParser
{
    public static RolloutPlan Parse(RolloutArguments args)
    {
        var interval = DurationParser.Parse("--interval", args.Interval);
        if (interval <= TimeSpan.Zero)
        {
            throw new RolloutInputException("--interval must be greater than zero");
        }

        var bake = ParseBake(args);
        if (interval > bake)
        {
            throw new RolloutInputException($"--interval {args.Interval.Trim()} is out of range; allowed more than 0s up to the bake ({args.Bake.Trim()})");
        }

        var smokeTimeout = DurationParser.Parse("--smoke-timeout", args.SmokeTimeout);
        if (smokeTimeout <= TimeSpan.Zero)
        {
            throw new RolloutInputException("--smoke-timeout must be greater than zero");
        }

        if (args.SmokePath is { } smokePath && !smokePath.StartsWith('/'))
        {
            throw new RolloutInputException($"--smoke must be a path starting with '/', got '{args.SmokePath}'");
        }

        if (args.SmokeSuccesses < 1)
        {
            throw new RolloutInputException($"--smoke-successes must be at least 1, got {args.SmokeSuccesses}");
        }

        var (steps, pauses) = ParseSteps(args.Steps);
        var overrides = HookOverridesParser.Parse(args, pauses);
        return new RolloutPlan(
            ParseServices(args.Services),
            steps,
            bake,
            interval,
            new SmokeCheckSettings(args.SmokePath, args.SmokeSuccesses, smokeTimeout),
            DurationParser.Parse("--termination-wait", args.TerminationWait),
            ParsePolicy(args.InsufficientData))
        {
            // Validated in the stack file (readyTimeoutMinutes, 1 to 60); no flag sets it.
            ReadyTimeout = DurationParser.Parse("readyTimeout", args.ReadyTimeout),
            DuringIncident = args.DuringIncident,
            Pauses = pauses,
            PauseTimeoutAction = overrides.PauseTimeoutAction ?? ParsePauseTimeoutAction("pauseTimeoutAction", args.PauseTimeoutAction),
            Webhooks = RequireHttps(args.Webhooks).Where(h => !overrides.NoWebhooks && !overrides.SkippedWebhooks.Contains(h.Name)).ToList(),
            Overrides = overrides,
            // Ranges are checked where these are read, in the stack settings; only their spelling is parsed here.
            Canary = new CanarySettings(
                args.MinRequestsPerStep,
                DurationParser.Parse("maxInconclusiveMinutes", args.MaxInconclusive),
                ParseInconclusive(args.OnInconclusive),
                args.ErrorRateRatio,
                args.ErrorRateFloorPercent,
                args.LatencyRatio),
            Hooks = ParseHooks(args, overrides),
        };
    }

    /// <summary>
    /// The stack's hooks with the deploy's snapshot and migration flags; a production migration needs a snapshot unless
    /// --no-snapshot says otherwise.
    /// </summary>
    private static ReleaseHooks ParseHooks(RolloutArguments args, HookOverrides overrides)
    {
        var snapshot = overrides.Snapshot ?? args.BackupBeforeDeploy;
        var stackMigration = overrides.NoMigrationReason is null ? args.Migration : null;
        if (stackMigration is not null && args.Production && !snapshot && !args.NoSnapshot)
        {
            throw new RolloutInputException(
                "a production release runs its migration only after a database snapshot, and infra:rollout.hooks.backupBeforeDeploy is false; " +
                "pass --snapshot to take one, or --no-snapshot to migrate without one");
        }

        var migration = stackMigration is { } m
            ? new MigrationHook(m.Service, m.Command, DurationParser.Parse("migration.timeoutMinutes", m.Timeout))
            : null;
        return new ReleaseHooks(snapshot, args.KeepReleaseSnapshots, migration);
    }

    /// <summary>A bake in which no gate alarm could fire gates nothing: it must reach the stack's <see cref="BakeFloor"/>.</summary>
    private static TimeSpan ParseBake(RolloutArguments args)
    {
        var bake = DurationParser.Parse("--bake", args.Bake);
        if (args.MinimumBake is { } floor && bake < floor.Minimum)
        {
            throw new RolloutInputException(
                $"--bake {args.Bake.Trim()} is out of range; allowed {Describe(floor.Minimum)} or more" + (floor.Why is null ? "" : $" ({floor.Why})"));
        }

        if (bake <= TimeSpan.Zero)
        {
            throw new RolloutInputException($"--bake {args.Bake.Trim()} is out of range; allowed more than 0s");
        }

        return bake;
    }

    /// <summary>A duration as the flags take it, e.g. 4m or 90s.</summary>
    private static string Describe(TimeSpan duration) =>
        duration.TotalSeconds % 60 == 0
            ? $"{(int)duration.TotalMinutes}m"
            : $"{(int)duration.TotalSeconds}s";

    /// <summary>
    /// Percentages of traffic on the new color, strictly increasing, each 1..100, ending at 100; between two of them
    /// <c>pause</c> or <c>pause:DURATION</c> (1m to 24h) waits for promote after the step before it.
    /// </summary>
    public static (IReadOnlyList<int> Steps, IReadOnlyList<RolloutPause> Pauses) ParseSteps(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (text.Trim().Length == 0)
        {
            throw new RolloutInputException("--steps must list at least one percentage, e.g. 10,50,100");
        }

        var steps = new List<int>();
        var pauses = new List<RolloutPause>();
        foreach (var part in parts)
        {
            if (part.StartsWith("pause", StringComparison.Ordinal))
            {
                if (steps.Count == 0)
                {
                    throw new RolloutInputException("--steps: a pause must follow a step that moved traffic, e.g. 10,pause,50,100");
                }

                if (pauses.Count > 0 && pauses[^1].AfterStepIndex == steps.Count - 1)
                {
                    throw new RolloutInputException($"--steps: '{part}' follows another pause; put one pause between two steps");
                }

                pauses.Add(new RolloutPause(steps.Count - 1, ParsePauseTimeout(part)));
                continue;
            }

            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            {
                throw new RolloutInputException($"--steps: '{part}' is not a whole number or a pause");
            }

            if (percent is < 1 or > 100)
            {
                throw new RolloutInputException($"--steps: {percent} is out of range; each step is a percentage from 1 to 100");
            }

            if (steps.Count > 0 && percent <= steps[^1])
            {
                throw new RolloutInputException($"--steps must increase: {percent} follows {steps[^1]}");
            }

            steps.Add(percent);
        }

        if (pauses.Count > 0 && pauses[^1].AfterStepIndex == steps.Count - 1)
        {
            throw new RolloutInputException("--steps: a pause cannot be last; after 100 the termination wait keeps the old colors up, e.g. 10,pause,50,100");
        }

        if (steps[^1] != 100)
        {
            throw new RolloutInputException($"--steps must end at 100, got {steps[^1]}");
        }

        return (steps, pauses);
    }

    /// <summary><c>pause</c> waits without end; <c>pause:30m</c> up to its timeout, then the pause timeout action applies.</summary>
    private static TimeSpan? ParsePauseTimeout(string part)
    {
        if (part == "pause") return null;
        if (!part.StartsWith("pause:", StringComparison.Ordinal))
        {
            throw new RolloutInputException($"--steps: '{part}' is not a pause; use pause, or pause:DURATION such as pause:30m");
        }

        var timeout = DurationParser.Parse("--steps", part["pause:".Length..]);
        if (timeout < RolloutPause.MinTimeout || timeout > RolloutPause.MaxTimeout)
        {
            throw new RolloutInputException($"--steps: '{part}' is out of range; a pause's timeout is 1m to 24h");
        }

        return timeout;
    }

    private static IReadOnlyList<ServiceRequest> ParseServices(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            throw new RolloutInputException("deploy needs at least one --service, e.g. --service web=IMAGE");
        }

        var services = new List<ServiceRequest>();
        foreach (var value in values)
        {
            var separator = value.IndexOf('=');
            var name = (separator < 0 ? value : value[..separator]).Trim();
            var image = separator < 0 ? null : value[(separator + 1)..].Trim();
            if (name.Length == 0)
            {
                throw new RolloutInputException($"--service '{value}': the service name is empty");
            }

            if (image is { Length: 0 })
            {
                throw new RolloutInputException($"--service '{value}': the image is empty; use {name}=IMAGE, or just {name} to redeploy its current image");
            }

            if (services.Any(s => s.Name == name))
            {
                throw new RolloutInputException($"--service {name} is given twice");
            }

            services.Add(new ServiceRequest(name, image));
        }

        return services;
    }

    private static InconclusivePolicy ParseInconclusive(string text) => text.Trim().ToLowerInvariant() switch
    {
        "fail" => InconclusivePolicy.Fail,
        "pause" => InconclusivePolicy.Pause,
        _ => throw new RolloutInputException($"onInconclusive must be fail or pause, got '{text}'"),
    };

    /// <summary>The stack file's rules already refuse these; a plan built another way gets the same guarantee.</summary>
    private static IReadOnlyList<RolloutWebhook> RequireHttps(IReadOnlyList<RolloutWebhook> webhooks) =>
        webhooks.FirstOrDefault(h => h.Url.Scheme != Uri.UriSchemeHttps) is { } plain
            ? throw new RolloutInputException($"webhook {plain.Name}: its url must use https, got {plain.Url.Scheme}")
            : webhooks;

    /// <param name="name">How the message names the value: the stack's <c>pauseTimeoutAction</c> or the <c>--pause-timeout-action</c> flag.</param>
    internal static PauseTimeoutAction ParsePauseTimeoutAction(string name, string text) => text.Trim().ToLowerInvariant() switch
    {
        "rollback" => PauseTimeoutAction.Rollback,
        "promote" => PauseTimeoutAction.Promote,
        _ => throw new RolloutInputException($"{name} must be rollback or promote, got '{text}'"),
    };

    private static InsufficientDataPolicy ParsePolicy(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ok" => InsufficientDataPolicy.Ok,
        "fail" => InsufficientDataPolicy.Fail,
        _ => throw new RolloutInputException($"--insufficient-data must be ok or fail, got '{text}'"),
    };
}
