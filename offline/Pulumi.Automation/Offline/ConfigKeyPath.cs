namespace Pulumi.Automation.Offline;

/// <summary>
/// A config key split as the CLI's <c>--path</c> flag splits it: <c>infra:services.web.image</c> is the top-level key
/// <c>infra:services</c> and the path <c>web</c>, <c>image</c>. Keys without a namespace belong to the project.
/// </summary>
internal sealed record ConfigKeyPath(string TopKey, IReadOnlyList<string> Segments)
{
    public static ConfigKeyPath Parse(string key, bool path, string projectName)
    {
        var qualified = key.Contains(':') ? key : $"{projectName}:{key}";
        if (!path)
        {
            return new ConfigKeyPath(qualified, []);
        }

        var parts = qualified.Split('.');
        if (parts.Any(p => p.Length == 0))
        {
            throw new ArgumentException($"invalid config path '{key}': empty segment", nameof(key));
        }

        return new ConfigKeyPath(parts[0], parts[1..]);
    }
}
