namespace Pulumi.Automation;

/// <summary>The execution context of stacks: offline, a folder holding the project and its stack files.</summary>
public abstract class Workspace
{
    private protected Workspace()
    {
    }

    /// <summary>The folder with <c>Pulumi.yaml</c> and the stacks' <c>Pulumi.&lt;stack&gt;.yaml</c> files.</summary>
    public abstract string WorkDir { get; }

    /// <summary>Environment variables every command of this workspace runs with, over the process's own.</summary>
    public abstract IDictionary<string, string> EnvironmentVariables { get; set; }
}
