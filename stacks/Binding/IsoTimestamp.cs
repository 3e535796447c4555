using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Stacks.Binding;

/// <summary>ISO-8601 timestamps with an explicit offset, e.g. <c>2026-11-20T08:00:00Z</c>: no guessing of time zones.</summary>
public static partial class IsoTimestamp
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Shape();

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
