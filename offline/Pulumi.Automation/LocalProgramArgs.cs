namespace Pulumi.Automation;

/// <summary>A stack of a Pulumi project on disk (as opposed to an inline program).</summary>
public sealed class LocalProgramArgs : LocalWorkspaceOptions
{
    public LocalProgramArgs(string stackName, string workDir)
    {
        StackName = stackName;
        WorkDir = workDir;
    }

    public string StackName { get; }
}
