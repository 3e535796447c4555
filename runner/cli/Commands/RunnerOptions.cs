using System.CommandLine;

namespace Infra.Runner.Commands;

/// <summary>The options every rollout command shares: which stack, where its project lives, taking over and the log format.</summary>
public sealed class RunnerOptions
{
    public Option<string> Stack { get; } = new("--stack") { Description = "The stack to act on, e.g. staging.", Required = true };

    public Option<DirectoryInfo?> WorkDir { get; } = new("--work-dir")
    {
        Description = "The Pulumi project folder (Pulumi.yaml and Pulumi.<stack>.yaml). Default: the current folder.",
    };

    public Option<bool> TakeOver { get; } = new("--take-over")
    {
        Description = "Take over the rollout in progress when its runner stopped renewing its hold (the hold expired); journaled.",
    };

    public Option<bool> LogJson { get; } = new("--log-json") { Description = "Log one JSON object per line (for CI) instead of human lines." };

    public void AddTo(Command command)
    {
        command.Options.Add(Stack);
        command.Options.Add(WorkDir);
        command.Options.Add(TakeOver);
        command.Options.Add(LogJson);
    }

    public RunnerSettings Read(ParseResult parse)
    {
        var stack = parse.GetValue(Stack)!;
        var workDir = parse.GetValue(WorkDir)?.FullName ?? Directory.GetCurrentDirectory();
        return new RunnerSettings(stack, workDir, parse.GetValue(LogJson), parse.GetValue(TakeOver));
    }
}

/// <summary>The shared option values of one invocation.</summary>
public sealed record RunnerSettings(string Stack, string WorkDir, bool LogJson, bool TakeOver = false)
{
    public string StackFilePath => Path.Combine(WorkDir, $"Pulumi.{Stack}.yaml");

    /// <summary>This machine's runner files (drill journals and reports): <c>.infra-runner/</c> in the project folder.</summary>
    public string LocalFolder => Path.Combine(WorkDir, ".infra-runner");
}
