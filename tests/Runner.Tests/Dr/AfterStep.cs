using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>Changes the world once the given step is journaled done, e.g. a replica that stops replaying.</summary>
internal sealed class AfterStep(string step, Action change) : IProgress<DrEvent>
{
    public void Report(DrEvent value)
    {
        if (value.Kind.EndsWith("StepDone", StringComparison.Ordinal) && value.Data.GetValueOrDefault("step") == step) change();
    }
}
