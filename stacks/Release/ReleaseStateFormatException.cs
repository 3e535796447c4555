namespace Infra.Stacks.Release;

/// <summary>A release state document that is not the expected shape; the message names the JSON path.</summary>
public sealed class ReleaseStateFormatException(string path, string message) : Exception(message)
{
    /// <summary>The JSON path of the offending value, e.g. <c>$.services.web.weights</c>.</summary>
    public string Path { get; } = path;
}
