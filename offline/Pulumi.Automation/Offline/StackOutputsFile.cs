using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Automation.Offline;

/// <summary>The stack's outputs as the last update that updated the stack resource left them; none before the first.</summary>
internal sealed class StackOutputsFile(StackFiles files)
{
    public ImmutableDictionary<string, OutputValue> Read() =>
        File.Exists(files.OutputsPath) && JsonNode.Parse(File.ReadAllText(files.OutputsPath)) is JsonObject outputs
            ? ProgramReport.ToOutputValues(outputs)
            : ImmutableDictionary<string, OutputValue>.Empty;

    public void Write(JsonObject outputs)
    {
        Directory.CreateDirectory(files.StateFolder);
        File.WriteAllText(files.OutputsPath, outputs.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
