namespace Pulumi.Automation.Offline;

/// <summary>The files the offline workspace keeps for one stack, all under the project's work folder.</summary>
internal sealed class StackFiles(string workDir, string stackName)
{
    public string WorkDir { get; } = Path.GetFullPath(workDir);

    /// <summary>The stack's config, where the real CLI's local config lives too.</summary>
    public string ConfigPath => Path.Combine(WorkDir, $"Pulumi.{stackName}.yaml");

    public string ProjectPath => Path.Combine(WorkDir, "Pulumi.yaml");

    /// <summary>Offline state: update history, the stack's outputs, the update lock.</summary>
    public string StateFolder => Path.Combine(WorkDir, ".pulumi-offline");

    public string HistoryPath => Path.Combine(StateFolder, $"{stackName}.history.json");

    /// <summary>The outputs of the last update that updated the stack resource, as the backend keeps them.</summary>
    public string OutputsPath => Path.Combine(StateFolder, $"{stackName}.outputs.json");

    public string LockPath => Path.Combine(StateFolder, $"{stackName}.lock");

    /// <summary>Where the running program reports what it declared; one at a time, under the lock.</summary>
    public string RunReportPath => Path.Combine(StateFolder, $"{stackName}.run.json");
}
