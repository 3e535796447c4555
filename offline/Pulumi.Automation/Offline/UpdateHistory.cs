using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Automation.Offline;

/// <summary>
/// The offline record of updates: one JSON array per stack, each entry with its version, times, message, result,
/// the targeted URNs and the config it was run with. It stands in for the backend's update history.
/// </summary>
internal sealed class UpdateHistory(StackFiles files)
{
    public int NextVersion() => Load().Count + 1;

    public void Append(UpdateSummary summary, IReadOnlyList<string> targets, IReadOnlyDictionary<string, (string Value, bool IsSecret)> config)
    {
        var entries = Load();
        entries.Add(new JsonObject
        {
            ["version"] = summary.Version,
            ["kind"] = summary.Kind.ToString().ToLowerInvariant(),
            ["startTime"] = summary.StartTime.ToString("O"),
            ["endTime"] = summary.EndTime.ToString("O"),
            ["message"] = summary.Message,
            ["result"] = summary.Result.ToString().ToLowerInvariant(),
            ["targets"] = new JsonArray(targets.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["config"] = new JsonObject(config.OrderBy(c => c.Key, StringComparer.Ordinal)
                // A secret's value never lands in the history, decrypted or not.
                .Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value.IsSecret ? StackConfigFile.SecretPlaceholder : c.Value.Value)))),
        });
        Directory.CreateDirectory(files.StateFolder);
        File.WriteAllText(files.HistoryPath, entries.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private JsonArray Load() =>
        File.Exists(files.HistoryPath) && JsonNode.Parse(File.ReadAllText(files.HistoryPath)) is JsonArray entries ? entries : [];
}
