namespace Infra.Components.Observability;

/// <summary>
/// Finds the Slack relay's source folder, whether the program runs from <c>infra/</c> (<c>pulumi up</c>) or from a
/// build output folder (the plan and the tests): the first of the start folders, or a folder above one, that holds it.
/// </summary>
public static class SlackRelaySource
{
    public const string RelativePath = "components/assets/slack-relay/src";

    public static string Find() => Find([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>
    /// SHA-256 (base64) over every file of the folder, by relative path and content: changes whenever the code does,
    /// so the function is updated and a plan diff shows that the relay changed.
    /// </summary>
    public static string Hash(string folder)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                     .Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
        }
        return Convert.ToBase64String(sha.GetHashAndReset());
    }

    public static string Find(IReadOnlyList<string> startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"the Slack relay source '{RelativePath}' was not found in or above {string.Join(" or ", startDirectories)}; run the program from the repository");
    }
}
