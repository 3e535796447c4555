using System.Text.Json;

namespace Pulumi.Automation;

/// <summary>
/// A stack's state as <c>pulumi stack export</c> prints it and <c>pulumi stack import</c> reads it: the schema
/// <see cref="Version"/> and the whole JSON document, untyped. It may hold secrets in plain text.
/// </summary>
public sealed class StackDeployment
{
    private StackDeployment(int version, JsonElement json)
    {
        Version = version;
        Json = json;
    }

    /// <summary>The deployment schema version (the document's <c>version</c>).</summary>
    public int Version { get; }

    /// <summary>The whole document: <c>version</c> and <c>deployment</c>.</summary>
    public JsonElement Json { get; }

    /// <summary>Parses an exported deployment; throws when it is not JSON or has no integer <c>version</c>, as the real one does.</summary>
    public static StackDeployment FromJsonString(string jsonString)
    {
        var json = JsonSerializer.Deserialize<JsonElement>(jsonString);
        return new StackDeployment(json.GetProperty("version").GetInt32(), json);
    }
}
