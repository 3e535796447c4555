using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Infra.Ledger.Items;

/// <summary>Builds the attribute values the ledger writes.</summary>
internal static class Attr
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static AttributeValue Time(DateTimeOffset value) => S(LedgerTime.Format(value));

    public static AttributeValue EpochSeconds(DateTimeOffset value) => N(value.ToUnixTimeSeconds());

    public static AttributeValue L(IEnumerable<string> values) => new() { L = values.Select(S).ToList() };
}
