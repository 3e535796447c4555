namespace Pulumi.Automation;

/// <summary>Options for <see cref="WorkspaceStack.PreviewAsync"/>.</summary>
public sealed class PreviewOptions : UpdateOptions
{
    public PreviewOptions()
    {
    }
}
