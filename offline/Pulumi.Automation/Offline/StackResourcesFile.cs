using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Automation.Offline;

/// <summary>
/// The resources the stack's state holds, offline: the URNs the program declared at the last successful update.
/// Offline nothing is deployed, so this list is the whole state; a refresh can only check its targets against it.
/// </summary>
internal sealed class StackResourcesFile(StackFiles files)
{
    public IReadOnlyList<string> Read() =>
        File.Exists(files.ResourcesPath) && JsonNode.Parse(File.ReadAllText(files.ResourcesPath)) is JsonArray urns
            ? urns.Select(u => u!.GetValue<string>()).ToList()
            : [];

    public void Write(IEnumerable<string> urns)
    {
        Directory.CreateDirectory(files.StateFolder);
        var list = new JsonArray(urns.Select(u => (JsonNode?)JsonValue.Create(u)).ToArray());
        File.WriteAllText(files.ResourcesPath, list.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
