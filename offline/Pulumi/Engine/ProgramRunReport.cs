using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Engine
{
    /// <summary>
    /// Internal protocol between the offline Pulumi.Automation workspace and a program it runs: when the workspace sets
    /// <see cref="PathVariable"/>, a successful run writes there what the real engine would have recorded, the URN of
    /// every registered resource and the stack outputs. A secret output is written as <see cref="SecretPlaceholder"/>,
    /// marked secret: offline has no secrets provider, so its value never reaches the file.
    /// </summary>
    internal static class ProgramRunReport
    {
        public const string PathVariable = "PULUMI_OFFLINE_RUN_REPORT";
        public const string SecretPlaceholder = "[secret]";

        public static async Task WriteIfRequestedAsync(DeploymentRun run)
        {
            var path = Environment.GetEnvironmentVariable(PathVariable);
            if (string.IsNullOrEmpty(path)) return;
            var outputs = new JsonObject();
            foreach (var (name, value) in run.StackOutputs.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var serialized = await Serializer.SerializeAsync(value, $"stack output '{name}'").ConfigureAwait(false);
                outputs[name] = new JsonObject
                {
                    ["value"] = serialized.IsSecret ? SecretPlaceholder : ToJson(serialized.Value),
                    ["secret"] = serialized.IsSecret,
                    ["known"] = serialized.IsKnown,
                };
            }
            var report = new JsonObject
            {
                ["urns"] = new JsonArray(run.Resources.Select(r => (JsonNode?)JsonValue.Create(r.UrnValue)).ToArray()),
                ["outputs"] = outputs,
            };
            await File.WriteAllTextAsync(path, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
        }

        private static JsonNode? ToJson(object? value) => value switch
        {
            null => null,
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => JsonValue.Create((long)number),
            double number => JsonValue.Create(number),
            IDictionary map => new JsonObject(map.Keys.Cast<object>().OrderBy(k => (string)k, StringComparer.Ordinal)
                .Select(k => KeyValuePair.Create((string)k, ToJson(map[k])))),
            IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToJson).ToArray()),
            _ => JsonValue.Create(value.ToString()),
        };
    }
}
