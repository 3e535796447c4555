using System.Globalization;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;

namespace Infra.Runner.Commands;

/// <summary>
/// <c>deploy --stack S --print-max-duration</c>: the worst case of a deploy of every service of the stack, with one
/// rollback, in whole seconds as the only line on stdout and its terms on stderr. It reads only the stack file (the
/// plan's loader, no workspace, ledger or credentials), so CI can size a role session before it has one.
/// </summary>
public static class MaxDurationPrinter
{
    public const string Flag = "--print-max-duration";

    /// <param name="flags">The rollout flags given with it (steps, bake, ...), which change the worst case as they change the rollout.</param>
    public static async Task<int> RunAsync(
        RunnerSettings settings, Func<RolloutArguments, RolloutArguments> flags, TextWriter output, TextWriter errors)
    {
        var loaded = StackSettingsLoader.FromFile(settings.StackFilePath, settings.Stack);
        if (loaded.Settings is not { } stack)
        {
            foreach (var error in loaded.Errors) await errors.WriteLineAsync($"deploy: {error}");
            return ExitCodes.BadInput;
        }

        RolloutPlan plan;
        try
        {
            // Every service, whatever --service says: the figure must cover any deploy of this stack.
            plan = RolloutPlanParser.Parse(flags(StackRolloutDefaults.From(stack)) with { Services = stack.Services.Select(s => s.Name).ToList() });
        }
        catch (RolloutInputException error)
        {
            await errors.WriteLineAsync($"deploy: {error.Message}");
            return ExitCodes.BadInput;
        }

        foreach (var term in RolloutDuration.Terms(plan))
        {
            await errors.WriteLineAsync($"{Seconds(term.Duration),7} s  {term.Name}");
        }

        var total = RolloutDuration.TotalSeconds(plan);
        await errors.WriteLineAsync($"{total,7} s  in all: the worst case of deploying {string.Join(", ", plan.Services.Select(s => s.Name))} on stack {settings.Stack}, with one rollback");
        await output.WriteLineAsync(total.ToString(CultureInfo.InvariantCulture));
        return ExitCodes.Success;
    }

    private static string Seconds(TimeSpan duration) => ((long)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
