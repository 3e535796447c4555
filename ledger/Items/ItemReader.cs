using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Infra.Stacks.Release;

namespace Infra.Ledger.Items;

/// <summary>
/// Reads one ledger item, refusing attributes of the wrong shape with a <see cref="LedgerFormatException"/> that
/// names the table, the item's key and the attribute.
/// </summary>
internal sealed class ItemReader(string table, string itemKey, Dictionary<string, AttributeValue> item)
{
    private const int MaxShownLength = 40;

    public string String(string name) =>
        Get(name) is { S: { } s } ? s : throw Bad(name, "expected a string (S)");

    public string? OptionalString(string name) => item.ContainsKey(name) ? String(name) : null;

    public long Number(string name) =>
        Get(name) is { N: { } n } && long.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(name, "expected a whole number (N)");

    public bool Bool(string name) =>
        Get(name) is { BOOL: { } value } ? value : throw Bad(name, "expected true or false (BOOL)");

    public int Int(string name)
    {
        var value = Number(name);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Bad(name, "expected a whole number (N) that fits 32 bits");
    }

    public DateTimeOffset Time(string name) =>
        LedgerTime.TryParse(String(name), out var time) ? time : throw Bad(name, "expected an ISO-8601 UTC time (S), e.g. 2026-01-31T12:00:00.0000000Z");

    public DateTimeOffset EpochSeconds(string name)
    {
        var seconds = Number(name);
        try
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Bad(name, "expected epoch seconds (N) within the years 1 to 9999");
        }
    }

    public IReadOnlyList<string> StringList(string name)
    {
        var value = Get(name);
        if (value is not { IsLSet: true } || value.L.Any(e => e.S is null)) throw Bad(name, "expected a list of strings (L of S)");
        return value.L.Select(e => e.S).ToList();
    }

    public ReleaseState ReleaseState(string name)
    {
        var text = String(name);
        try
        {
            return ReleaseStateJson.Deserialize(text);
        }
        catch (ReleaseStateFormatException e)
        {
            throw new LedgerFormatException(itemKey, name, $"{Where(name)}: {e.Message}", e);
        }
    }

    /// <summary>Refuses an attribute whose value this reader could read but the caller cannot accept.</summary>
    [DoesNotReturn]
    public void Refuse(string name, string expected) => throw Bad(name, expected);

    private AttributeValue Get(string name) => item.TryGetValue(name, out var value) ? value : throw Bad(name, "expected it to be present", missing: true);

    private LedgerFormatException Bad(string name, string expected, bool missing = false) =>
        new(itemKey, name, $"{Where(name)}: {expected}, found {(missing ? "nothing" : Describe(item[name]))}");

    private string Where(string name) => $"release ledger {table}, item {itemKey}, attribute {name}";

    private static string Describe(AttributeValue value)
    {
        if (value.S is { } s) return $"S {Shorten(s)}";
        if (value.N is { } n) return $"N {n}";
        if (value.BOOL is { } b) return $"BOOL {(b ? "true" : "false")}";
        if (value.NULL is true) return "NULL";
        if (value.IsLSet) return $"L of {value.L.Count}";
        if (value.IsMSet) return $"M of {value.M.Count}";
        return "another type";
    }

    private static string Shorten(string text)
    {
        var quoted = $"\"{text.ReplaceLineEndings(" ")}\"";
        return quoted.Length <= MaxShownLength ? quoted : $"{quoted[..(MaxShownLength - 3)]}...";
    }
}
