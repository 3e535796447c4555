namespace Infra.Ledger;

/// <summary>A ledger item that is not the shape this code writes; the message names the table, item key and attribute.</summary>
public sealed class LedgerFormatException(string itemKey, string attribute, string message, Exception? inner = null)
    : LedgerException(message, inner)
{
    /// <summary>The item's sort key, e.g. <c>release</c>.</summary>
    public string ItemKey { get; } = itemKey;

    /// <summary>The attribute at fault, e.g. <c>version</c>.</summary>
    public string Attribute { get; } = attribute;
}
