namespace Pulumi.Automation;

/// <summary>Options for <see cref="WorkspaceStack.RefreshAsync"/>; <see cref="UpdateOptions.Target"/> limits the refresh to those resources.</summary>
public sealed class RefreshOptions : UpdateOptions
{
    public RefreshOptions()
    {
    }
}
