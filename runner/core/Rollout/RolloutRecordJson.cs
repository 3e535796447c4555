using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Runner.Rollout;

/// <summary>The config-value format of <see cref="RolloutRecord"/>: compact JSON, enum names in camelCase, so it reads well in the stack file.</summary>
public static class RolloutRecordJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Serialize(RolloutRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>Reads a stored record; an unreadable one is an input error that says how to get unstuck.</summary>
    public static RolloutRecord Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RolloutRecord>(json, Options)
                ?? throw new JsonException("the value is null");
        }
        catch (JsonException error)
        {
            throw new RolloutInputException(
                $"the rollout record in the stack config is unreadable ({error.Message}); fix or remove it, then run rollback");
        }
    }
}
