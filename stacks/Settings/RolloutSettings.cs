namespace Infra.Stacks.Settings;

/// <summary><c>infra:rollout</c>: how the runner shifts traffic.</summary>
/// <param name="Steps">Weights of the new color, strictly increasing, ending at 100. Default [10, 50, 100].</param>
/// <param name="BakeMinutes">Wait after each step while gate alarms are polled. Default staging 2, production 5.</param>
/// <param name="PollIntervalSeconds">Default 10.</param>
/// <param name="InsufficientData">Default ok: not a failure, but smoke checks must pass.</param>
/// <param name="TerminationWaitMinutes">How long the old color stays up for fast rollback. Default 15.</param>
public sealed record RolloutSettings(
    ValueList<int> Steps,
    int BakeMinutes,
    int PollIntervalSeconds,
    InsufficientDataPolicy InsufficientData,
    int TerminationWaitMinutes);
