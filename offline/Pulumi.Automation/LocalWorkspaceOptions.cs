namespace Pulumi.Automation;

/// <summary>Where a local workspace lives: the folder holding Pulumi.yaml and the stack files.</summary>
public class LocalWorkspaceOptions
{
    public LocalWorkspaceOptions()
    {
    }

    public string? WorkDir { get; set; }

    /// <summary>Environment variables for the CLI and the program it runs, over the process's own (e.g. PULUMI_BACKEND_URL).</summary>
    public IDictionary<string, string> EnvironmentVariables { get; set; } = new Dictionary<string, string>();
}
