namespace Pulumi.Automation;

/// <summary>What an update printed and its summary.</summary>
public class UpdateResult
{
    internal UpdateResult(string standardOutput, string standardError, UpdateSummary summary)
    {
        StandardOutput = standardOutput;
        StandardError = standardError;
        Summary = summary;
    }

    public string StandardOutput { get; }

    public string StandardError { get; }

    public UpdateSummary Summary { get; }
}
