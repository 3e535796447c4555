using System.CommandLine;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;
using Serilog;

namespace Infra.Runner.Commands;

/// <summary><c>status --stack S</c>: live color, weights, images, the DR promotion, the rollout in progress and every gate and critical alarm.</summary>
public static class StatusCommand
{
    public static Command Create(TextWriter output)
    {
        var shared = new RunnerOptions();
        var command = new Command("status", "Shows live colors, weights, images, the rollout in progress and alarm states.");
        shared.AddTo(command);
        command.SetAction((parse, token) => CommandRunner.RunAsync(shared.Read(parse), output, async (session, logger, t) =>
        {
            var status = await session.Engine.GetStatusAsync(t);
            Print(status, logger);
            var dr = await session.Ledger.ReadDrAsync(t);
            PrintDr(dr?.Promotion ?? await session.Ledger.ReadDrPromotionAsync(t), dr, session.Stack.Name, logger);
            if (status.InProgress is { } record)
            {
                PrintPause(record, session.Stack.Name, logger);
                await PrintLastAnalysisAsync(session.Journal, record, logger, t);
            }

            return status.AlarmsUnreadable is null
                ? new RolloutResult(RolloutOutcome.Succeeded, $"status of stack {session.Stack.Name}")
                : new RolloutResult(RolloutOutcome.Succeeded, $"status of stack {session.Stack.Name}, without alarm states") { NeedsAttention = true };
        }, token));
        return command;
    }

    public static void Print(RolloutStatus status, ILogger logger)
    {
        foreach (var service in status.Services)
        {
            logger.Information(
                "{Service:l}: live {LiveColor:l}, weights {Weights:l}; blue {BlueImage:l} ({BlueRunning:l}), green {GreenImage:l} ({GreenRunning:l})",
                service.Name, service.LiveColor.ConfigName(), service.Weights.ToString(),
                service.Blue.Image ?? "no image", Running(service.Blue), service.Green.Image ?? "no image", Running(service.Green));
        }

        if (status.InProgress is { } record)
        {
            logger.Information(
                "Rollout {RolloutId:l} in progress since {StartedAt:u}: phase {Phase:l}, step {Step}/{StepCount} ({Percent}%), {Moves:l}",
                record.Id, record.StartedAt, record.Phase.ToString(), record.StepIndex + 1, record.Plan.Steps.Count, record.CurrentPercent,
                string.Join(", ", record.Services.Select(s => $"{s.Name} {s.FromColor.ConfigName()} -> {s.ToColor.ConfigName()} ({s.Image})")));
            if (record.Plan.Overrides.Any)
            {
                logger.Information("Overrides of this deploy (resume applies them too): {Overrides:l}", record.Plan.Overrides.Describe());
            }

            foreach (var hook in record.Hooks ?? [])
            {
                logger.Information("Hook {Hook:l}: {State:l} since {StartedAt:u}{Reference:l}",
                    hook.Name, hook.State.ToString().ToLowerInvariant(), hook.StartedAt, hook.Reference is null ? "" : $" ({hook.Reference})");
            }
        }
        else
        {
            logger.Information("No rollout in progress");
        }

        if (status.AlarmsUnreadable is { } reason)
        {
            logger.Warning("Alarm states unknown: {Reason:l}", reason);
        }

        foreach (var (name, state) in status.AlarmStates.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            logger.Information("Alarm {Alarm:l}: {State:l}", name, state.CloudWatchName());
        }
    }

    /// <summary>
    /// The ledger's DR promotion (<paramref name="record"/>: its <c>dr</c> item; null before any DR command wrote one,
    /// when <paramref name="promotion"/> comes from an older release document). Switching back is a warning: until the
    /// fail-back that recorded it promotes the primary's database, the program declares no task in either region.
    /// </summary>
    public static void PrintDr(DrPromotion promotion, DrRecord? record, string stack, ILogger logger)
    {
        var since = record is null ? " (an older release document's drPromoted)" : $" since {record.UpdatedAt:u} ({record.UpdatedBy})";
        switch (promotion)
        {
            case DrPromotion.Promoted:
                logger.Information("DR region promoted{Since:l}: its database is the writer; fail back with `infra-runner failback --stack {Stack:l}`", since, stack);
                break;
            case DrPromotion.SwitchingBack:
                logger.Warning(
                    "DR region switching back{Since:l}: a fail-back stopped or is stopping the DR services, and no service runs in either region until it promotes " +
                    "the primary's database; if no fail-back is running, finish it with `infra-runner failback --stack {Stack:l} --yes`", since, stack);
                break;
            default:
                logger.Information("DR region not promoted");
                break;
        }
    }

    /// <summary>A pause the rollout waits in (a pause step's or an inconclusive step's entry still running): since when, and the command that ends it.</summary>
    public static void PrintPause(RolloutRecord record, string stack, ILogger logger)
    {
        if (record.Find(HookNames.InconclusivePause(record.StepIndex)) is { State: HookState.Running } inconclusive)
        {
            logger.Information("Paused at step {Step} since {Since:u}: its canary analysis stayed inconclusive; continue with `infra-runner promote --stack {Stack:l}`",
                record.StepIndex + 1, inconclusive.StartedAt, stack);
            return;
        }

        if (record.Plan.PauseAfter(record.StepIndex) is not { } pause || record.Find(pause.HookName) is not { State: HookState.Running } waiting) return;
        logger.Information("Paused at step {Step} since {Since:u}{Limit:l}, continue with `infra-runner promote --stack {Stack:l}`",
            record.StepIndex + 1, waiting.StartedAt, pause.Timeout is { } timeout ? $" (up to {timeout:g}, then {record.Plan.PauseTimeoutAction.ToString().ToLowerInvariant()})" : "", stack);
    }

    /// <summary>
    /// The current step's numbers: the rollout's latest canary analysis, read from the journal. The journal rather than
    /// the rollout record on the lease, because the runner analyses every minute and the lease is what abort, rollback
    /// and promote from other machines write to: journaling is an append that never races them, and any machine reads it.
    /// </summary>
    internal static async Task PrintLastAnalysisAsync(Adapters.LedgerJournal journal, RolloutRecord record, ILogger logger, CancellationToken cancellationToken)
    {
        RolloutEvent? last = null;
        // Newest first, and no further back than the rollout's start: a few pages however long the journal has grown.
        await foreach (var e in journal.ReadNewestFirstAsync(cancellationToken))
        {
            if (e.At < record.StartedAt) break;
            if (e.RolloutId == record.Id && e.Kind == RolloutEventKind.CanaryAnalysed)
            {
                last = e;
                break;
            }
        }

        if (last is null)
        {
            logger.Information("No canary analysis yet for rollout {RolloutId:l}", record.Id);
        }
        else
        {
            logger.Information("Last canary analysis ({At:u}): {Analysis:l}", last.At, last.Message);
        }
    }

    private static string Running(ColorConfig color) => color.Running ? "running" : "scaled to zero";
}
