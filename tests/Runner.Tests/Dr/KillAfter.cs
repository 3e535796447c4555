using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// Kills the procedure once the given step is journaled done: the exception leaves the run at once, with no undo, no
/// report and no page, as a killed process would.
/// </summary>
internal sealed class KillAfter(string step) : IProgress<DrEvent>
{
    public sealed class Killed() : Exception("killed");

    public void Report(DrEvent value)
    {
        if (value.Kind.EndsWith("StepDone", StringComparison.Ordinal) && value.Data.GetValueOrDefault("step") == step) throw new Killed();
    }
}
