namespace Pulumi.Automation.Offline;

/// <summary>
/// The files the offline workspace keeps for one stack: its config in the project's work folder, as the CLI keeps it,
/// and its state in the backend. As with the CLI, <c>PULUMI_BACKEND_URL=file://PATH</c> names a backend folder that
/// several work folders (machines) share; without it, the state stays in the work folder.
/// </summary>
internal sealed class StackFiles(string workDir, string stackName, IDictionary<string, string> environment)
{
    public string WorkDir { get; } = Path.GetFullPath(workDir);

    /// <summary>The stack's config, where the real CLI's local config lives too.</summary>
    public string ConfigPath => Path.Combine(WorkDir, $"Pulumi.{stackName}.yaml");

    public string ProjectPath => Path.Combine(WorkDir, "Pulumi.yaml");

    /// <summary>The workspace's environment variables, which its commands and the program see over the process's own.</summary>
    public IDictionary<string, string> Environment { get; } = environment;

    /// <summary>Offline state: update history, the stack's outputs, the update lock.</summary>
    public string StateFolder => Path.Combine(BackendFolder() ?? WorkDir, ".pulumi-offline");

    public string HistoryPath => Path.Combine(StateFolder, $"{stackName}.history.json");

    /// <summary>The outputs of the last update that updated the stack resource, as the backend keeps them.</summary>
    public string OutputsPath => Path.Combine(StateFolder, $"{stackName}.outputs.json");

    /// <summary>The URNs the state holds (offline: those the last successful update declared).</summary>
    public string ResourcesPath => Path.Combine(StateFolder, $"{stackName}.resources.json");

    /// <summary>The deployment last imported with <c>pulumi stack import</c>, until an update replaces it.</summary>
    public string DeploymentPath => Path.Combine(StateFolder, $"{stackName}.deployment.json");

    public string LockPath => Path.Combine(StateFolder, $"{stackName}.lock");

    /// <summary>Where the running program reports what it declared; one at a time, under the lock.</summary>
    public string RunReportPath => Path.Combine(StateFolder, $"{stackName}.run.json");

    private string? BackendFolder() =>
        (Environment.TryGetValue("PULUMI_BACKEND_URL", out var own) ? own : System.Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL"))
            is { } url && url.StartsWith("file://", StringComparison.Ordinal)
            ? new Uri(url).LocalPath
            : null;
}
