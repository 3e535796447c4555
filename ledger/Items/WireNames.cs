namespace Infra.Ledger.Items;

/// <summary>How the ledger spells the values of an enum: one name per value, in declaration order.</summary>
internal sealed class WireNames<T>(params string[] names) where T : struct, Enum
{
    public string Of(T value) => names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)];

    public bool TryParse(string text, out T value)
    {
        var index = Array.IndexOf(names, text);
        value = index >= 0 ? (T)Enum.ToObject(typeof(T), index) : default;
        return index >= 0;
    }

    /// <summary>The allowed spellings, for messages.</summary>
    public string Allowed => string.Join(" | ", names);
}
