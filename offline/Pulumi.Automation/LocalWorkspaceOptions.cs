namespace Pulumi.Automation;

/// <summary>Where a local workspace lives: the folder holding Pulumi.yaml and the stack files.</summary>
public class LocalWorkspaceOptions
{
    public LocalWorkspaceOptions()
    {
    }

    public string? WorkDir { get; set; }
}
