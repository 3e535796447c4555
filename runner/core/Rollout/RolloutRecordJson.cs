using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Runner.Rollout;

/// <summary>The stored format of <see cref="RolloutRecord"/> (on the ledger's lease): compact JSON, enum names in camelCase, readable in the table.</summary>
public static class RolloutRecordJson
{
    /// <summary>How the runner writes every JSON it stores (this record, and journal events in the ledger and the drill's file): enum names in camelCase.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
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
                $"the rollout record on the release ledger's lease is unreadable ({error.Message}); fix or remove the lease item, then run rollback");
        }
    }
}
