using System.Text.Json;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// Builds and reads change paths. Object keys: <c>a.b</c>, or <c>a["x.y"]</c> for keys that would be ambiguous written
/// plainly (empty, or holding dots, brackets, quotes or spaces). List items:
/// <list type="bullet">
/// <item><c>a[3]</c>: the item at index 3 on both sides;</item>
/// <item><c>a[5&gt;4]</c>: the item at index 5 in the base, which sits at index 4 in the head;</item>
/// <item><c>a[-3]</c>: the item at base index 3, removed; <c>a[+3]</c>: the item at head index 3, added;</item>
/// <item><c>a[name=web]</c>: the item whose <c>name</c> is <c>web</c>, for lists matched by an identifying key; the
/// value is written as a JSON string when it would be ambiguous written plainly;</item>
/// <item><c>a[order by name]</c>: the order of the named items both sides keep, as lists of their names.</item>
/// </list>
/// </summary>
public static class PropertyPath
{
    public static string Key(string parent, string key)
    {
        if (NeedsQuoting(key))
        {
            return $"{parent}[{Quote(key)}]";
        }

        return parent.Length == 0 ? key : $"{parent}.{key}";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Moved(string parent, int baseIndex, int headIndex) =>
        baseIndex == headIndex ? Index(parent, baseIndex) : $"{parent}[{baseIndex}>{headIndex}]";

    public static string Removed(string parent, int baseIndex) => $"{parent}[-{baseIndex}]";

    public static string Added(string parent, int headIndex) => $"{parent}[+{headIndex}]";

    public static string Keyed(string parent, string key, string value)
    {
        var written = value.Length == 0 || value.Trim() != value || value.Any(c => c is '[' or ']' or '"') ? Quote(value) : value;
        return $"{parent}[{key}={written}]";
    }

    public static string Order(string parent, string key) => $"{parent}[order by {key}]";

    /// <summary>The first segment of a path: <c>healthCheck</c> for <c>healthCheck.path</c>, <c>subnets</c> for <c>subnets[2]</c>.</summary>
    public static string RootOf(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, JsonText.Options);

    private static bool NeedsQuoting(string key) =>
        key.Length == 0 || key.Any(c => c is '.' or '[' or ']' or '"' || char.IsWhiteSpace(c));
}
