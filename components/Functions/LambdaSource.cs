namespace Infra.Components.Functions;

/// <summary>
/// The source folder of one of the stack's Lambda functions (no bundling: the folder is the archive), found whether
/// the program runs from <c>infra/</c> (<c>pulumi up</c>) or from a build output folder (the plan and the tests): the
/// first of the start folders, or a folder above one, that holds it.
/// </summary>
/// <param name="Description">What the function is, for messages: <c>the Slack relay</c>.</param>
/// <param name="RelativePath">The folder, relative to the repository root.</param>
public sealed record LambdaSource(string Description, string RelativePath)
{
    public static LambdaSource SlackRelay { get; } = new("the Slack relay", "components/assets/slack-relay/src");

    public static LambdaSource ReleaseGuard { get; } = new("the release guard", "components/assets/release-guard/src");

    /// <summary>The script of the synthetic-journey canaries (a Synthetics canary runs as a Lambda function).</summary>
    public static LambdaSource SyntheticJourney { get; } = new("the synthetic journey script", "components/assets/synthetic-journey/src");

    public string Find() => Find([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    public string Find(IReadOnlyList<string> startDirectories)
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
            $"{Description} source '{RelativePath}' was not found in or above {string.Join(" or ", startDirectories)}; run the program from the repository");
    }

    /// <summary>
    /// SHA-256 (base64) over every file of the folder, by relative path and content: changes whenever the code does,
    /// so the function is updated and a plan diff shows that its code changed.
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
}
