namespace Pulumi.Automation;

/// <summary>Options for <see cref="WorkspaceStack.UpAsync"/>.</summary>
public sealed class UpOptions : UpdateOptions
{
    public UpOptions()
    {
    }
}
