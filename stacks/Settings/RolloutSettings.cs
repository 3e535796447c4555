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

/// <summary>
/// <c>infra:rolloutInProgress</c>: the runner's record of an unfinished rollout, so any machine can resume or roll back.
/// The runner writes it as one JSON value (its RolloutRecordJson format); the settings read the fields they check and
/// leave the rest (the rollout's plan, phase start, promotion request) to the runner.
/// </summary>
/// <param name="Phase">The runner's phase, e.g. <c>shifting</c>.</param>
/// <param name="Step">Index into <paramref name="Steps"/> of the step being applied or baked (<c>stepIndex</c>).</param>
/// <param name="Steps">The rollout's own steps (<c>plan.steps</c>): <c>deploy --steps</c> may differ from <c>infra:rollout.steps</c>.</param>
/// <param name="Services">Each service in the rollout and the color it moves to.</param>
public sealed record RolloutInProgress(
    string Id,
    string Phase,
    int Step,
    DateTimeOffset StartedAt,
    ValueList<int> Steps,
    ValueList<RolloutServiceMove> Services);

/// <summary>One service of <see cref="RolloutInProgress"/>: it moves to <paramref name="ToColor"/>.</summary>
public sealed record RolloutServiceMove(string Name, Color ToColor);
