using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Runner.Adapters;

/// <summary>How journal events are written as JSON, in the ledger and in the drill's file: enum names in camelCase.</summary>
internal static class JournalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
