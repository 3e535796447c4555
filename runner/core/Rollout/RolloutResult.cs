namespace Infra.Runner.Rollout;

/// <summary>What a command did, in one line for the operator, and the exit code it maps to.</summary>
public sealed record RolloutResult(RolloutOutcome Outcome, string Message)
{
    public int ExitCode => Outcome.ExitCode();

    /// <summary>The command reached its goal but left something for an operator, e.g. old colors still running.</summary>
    public bool NeedsAttention { get; init; }

    /// <summary>For the CLI: a <see cref="RolloutInputException"/> caught while parsing becomes exit code 2 with its reason.</summary>
    public static RolloutResult BadInput(RolloutInputException error) => new(RolloutOutcome.BadInput, error.Message);
}
