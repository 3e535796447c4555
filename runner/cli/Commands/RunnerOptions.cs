using System.CommandLine;

namespace Infra.Runner.Commands;

/// <summary>The options every rollout command shares: which stack, where its project lives, the journal and the log format.</summary>
public sealed class RunnerOptions
{
    public Option<string> Stack { get; } = new("--stack") { Description = "The stack to act on, e.g. staging.", Required = true };

    public Option<DirectoryInfo?> WorkDir { get; } = new("--work-dir")
    {
        Description = "The Pulumi project folder (Pulumi.yaml and Pulumi.<stack>.yaml). Default: the current folder.",
    };

    public Option<FileInfo?> Journal { get; } = new("--journal")
    {
        Description = "The JSON-lines journal of rollout events. Default: .infra-runner/<stack>.journal.jsonl in the project folder.",
    };

    public Option<bool> LogJson { get; } = new("--log-json") { Description = "Log one JSON object per line (for CI) instead of human lines." };

    public void AddTo(Command command)
    {
        command.Options.Add(Stack);
        command.Options.Add(WorkDir);
        command.Options.Add(Journal);
        command.Options.Add(LogJson);
    }

    public RunnerSettings Read(ParseResult parse)
    {
        var stack = parse.GetValue(Stack)!;
        var workDir = parse.GetValue(WorkDir)?.FullName ?? Directory.GetCurrentDirectory();
        var journal = parse.GetValue(Journal)?.FullName ?? Path.Combine(workDir, ".infra-runner", $"{stack}.journal.jsonl");
        return new RunnerSettings(stack, workDir, journal, parse.GetValue(LogJson));
    }
}

/// <summary>The shared option values of one invocation.</summary>
public sealed record RunnerSettings(string Stack, string WorkDir, string JournalPath, bool LogJson)
{
    public string StackFilePath => Path.Combine(WorkDir, $"Pulumi.{Stack}.yaml");
}
