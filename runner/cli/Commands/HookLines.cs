using Infra.Runner.Rollout;

namespace Infra.Runner.Commands;

/// <summary>How <c>history</c> shows a hook event: its message, then the journaled hook, stage, result, duration and output reference.</summary>
public static class HookLines
{
    public static string Describe(RolloutEvent e)
    {
        if (e.Kind is not (RolloutEventKind.HookStarted or RolloutEventKind.HookFinished) || !e.Data.TryGetValue("hook", out var hook)) return e.Message;
        var at = e.Data.GetValueOrDefault("at", "?");
        if (e.Kind == RolloutEventKind.HookStarted) return $"{e.Message} [hook {hook} at {at}]";
        var output = e.Data.GetValueOrDefault("output", "");
        return $"{e.Message} [hook {hook} at {at}: {e.Data.GetValueOrDefault("result", "?")} after {e.Data.GetValueOrDefault("durationSeconds", "?")}s"
            + (output.Length == 0 ? "]" : $", output {output}]");
    }
}
