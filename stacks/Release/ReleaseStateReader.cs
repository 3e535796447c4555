using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Release;

/// <summary>
/// Reads a parsed release state document, refusing anything but the exact shape. Every refusal reads
/// <c>release state {path}: {what was found}; expected {what is allowed}</c>.
/// </summary>
internal static partial class ReleaseStateReader
{
    internal const string ServicesKey = "services";
    internal const string LiveColorKey = "liveColor";
    internal const string WeightsKey = "weights";
    internal const string ImageKey = "image";
    internal const string RunningKey = "running";
    internal const string DrPromotedKey = "drPromoted";
    internal const string DrPromotedPerDrItemKey = "drPromotedPerDrItem";

    private const int MaxShownLength = 40;
    private const string ServiceShape = "an object with the keys liveColor, weights, image, running";
    private const string WeightsShape = "an object with integer weights blue and green that sum to 100";
    private const string ImageShape = "an object with images blue and green, each a non-empty string or null";
    private const string RunningShape = "an object with booleans blue and green";

    public static ReleaseState Read(JsonElement root)
    {
        const string path = "$";
        var fields = Fields(root, path, "an object with the key services", [ServicesKey, DrPromotedKey, DrPromotedPerDrItemKey]);
        var services = Required(fields, path, ServicesKey, "an object of services by name");
        var servicesPath = Child(path, ServicesKey);
        var byName = Properties(services, servicesPath, "an object of services by name")
            .ToDictionary(p => p.Name, p => ReadService(p.Value, Child(servicesPath, p.Name)), StringComparer.Ordinal);
        if (byName.ContainsKey(""))
            throw Bad(Child(servicesPath, ""), "found an empty service name", "non-empty service names");
        return new ReleaseState(byName)
        {
            DrPromoted = OptionalBool(fields, path, DrPromotedKey),
            DrPromotedPerDrItem = OptionalBool(fields, path, DrPromotedPerDrItemKey),
        };
    }

    // drPromoted (only documents written while the promotion was kept here, before the dr item, say it) and the mark for
    // older code (only while promoted): missing reads false.
    private static bool OptionalBool(Dictionary<string, JsonElement> fields, string path, string key)
    {
        if (!fields.TryGetValue(key, out var value)) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad(Child(path, key), $"found {Shown(value)}", "true or false"),
        };
    }

    private static ServiceRelease ReadService(JsonElement service, string path)
    {
        var fields = Fields(service, path, ServiceShape, [LiveColorKey, WeightsKey, ImageKey, RunningKey]);
        var liveColor = Required(fields, path, LiveColorKey, "blue or green");
        var weights = ReadPair<int>(Required(fields, path, WeightsKey, WeightsShape), Child(path, WeightsKey), WeightsShape,
            "an integer from 0 to 100", (JsonElement e, out int w) =>
            {
                w = 0;
                return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out w) && w is >= 0 and <= 100;
            });
        var image = ReadPair<string?>(Required(fields, path, ImageKey, ImageShape), Child(path, ImageKey), ImageShape,
            "a non-empty string or null", (JsonElement e, out string? i) =>
            {
                i = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                return e.ValueKind == JsonValueKind.Null || i is { Length: > 0 };
            });
        var running = ReadPair<bool>(Required(fields, path, RunningKey, RunningShape), Child(path, RunningKey), RunningShape,
            "true or false", (JsonElement e, out bool r) =>
            {
                r = e.ValueKind == JsonValueKind.True;
                return e.ValueKind is JsonValueKind.True or JsonValueKind.False;
            });

        var colorPath = Child(path, LiveColorKey);
        if (liveColor.ValueKind != JsonValueKind.String || !ConfigEnums.TryParse<Color>(liveColor.GetString()!, out var color))
            throw Bad(colorPath, $"found {Shown(liveColor)}", "blue or green");
        if (weights.Blue + weights.Green != 100)
            throw Bad(Child(path, WeightsKey), $"found blue {weights.Blue} + green {weights.Green} = {weights.Blue + weights.Green}",
                "weights that sum to 100");
        return new ServiceRelease(color, weights, image, running);
    }

    private delegate bool TryReadValue<T>(JsonElement element, out T value);

    // A blue/green object whose two values `tryRead` accepts.
    private static ColorPair<T> ReadPair<T>(JsonElement pair, string path, string shape, string valueShape, TryReadValue<T> tryRead)
    {
        var blue = Color.Blue.ToConfigName();
        var green = Color.Green.ToConfigName();
        var fields = Fields(pair, path, shape, [blue, green]);
        T Read(string key)
        {
            var element = Required(fields, path, key, valueShape);
            return tryRead(element, out var value) ? value : throw Bad(Child(path, key), $"found {Shown(element)}", valueShape);
        }
        return new ColorPair<T>(Read(blue), Read(green));
    }

    // The object's properties by name, refusing another type, duplicates and keys outside `allowed`.
    private static Dictionary<string, JsonElement> Fields(JsonElement element, string path, string shape, string[] allowed)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in Properties(element, path, shape))
        {
            if (!allowed.Contains(property.Name))
                throw Bad(Child(path, property.Name), $"unknown key, found {Shown(property.Value)}", $"only the keys {string.Join(", ", allowed)}");
            fields[property.Name] = property.Value;
        }
        return fields;
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement element, string path, string shape)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Bad(path, $"found {Shown(element)}", shape);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                throw Bad(Child(path, property.Name), $"duplicate key, found {Shown(property.Value)}", "each key once");
            yield return property;
        }
    }

    private static JsonElement Required(Dictionary<string, JsonElement> fields, string path, string key, string shape) =>
        fields.TryGetValue(key, out var value) ? value : throw Bad(Child(path, key), "missing", shape);

    private static ReleaseStateFormatException Bad(string path, string found, string expected) =>
        new(path, $"release state {path}: {found}; expected {expected}");

    // `$.services.web` for plain names, `$.services["my service"]` for others, so the path stays unambiguous.
    private static string Child(string path, string key) =>
        PlainKey().IsMatch(key) ? $"{path}.{key}" : $"{path}[{JsonSerializer.Serialize(key)}]";

    // The value's JSON text, cut to a readable length.
    private static string Shown(JsonElement element)
    {
        var text = element.GetRawText().ReplaceLineEndings(" ");
        return text.Length <= MaxShownLength ? text : $"{text[..(MaxShownLength - 3)]}...";
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex PlainKey();
}
