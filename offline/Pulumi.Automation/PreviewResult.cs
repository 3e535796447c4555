namespace Pulumi.Automation;

/// <summary>
/// The result of <see cref="WorkspaceStack.PreviewAsync"/>: what the preview printed. The real result also counts
/// the changes against the deployed state (ChangeSummary); offline there is no deployed state to count against, so
/// it is not declared.
/// </summary>
public sealed class PreviewResult
{
    internal PreviewResult(string standardOutput, string standardError)
    {
        StandardOutput = standardOutput;
        StandardError = standardError;
    }

    public string StandardOutput { get; }

    public string StandardError { get; }
}
