using System.Text.Json;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// Builds and reads change paths: <c>a.b</c> for object keys, <c>a[0]</c> for list items, and <c>a["x.y"]</c> for
/// keys that would be ambiguous written plainly (empty, or holding dots, brackets, quotes or spaces).
/// </summary>
public static class PropertyPath
{
    public static string Key(string parent, string key)
    {
        if (NeedsQuoting(key))
        {
            return $"{parent}[{JsonSerializer.Serialize(key, JsonText.Options)}]";
        }

        return parent.Length == 0 ? key : $"{parent}.{key}";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The first segment of a path: <c>healthCheck</c> for <c>healthCheck.path</c>, <c>subnets</c> for <c>subnets[2]</c>.</summary>
    public static string RootOf(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    private static bool NeedsQuoting(string key) =>
        key.Length == 0 || key.Any(c => c is '.' or '[' or ']' or '"' || char.IsWhiteSpace(c));
}
