namespace Infra.Components.Observability;

/// <summary>
/// Finds the Slack relay's source folder, whether the program runs from <c>infra/</c> (<c>pulumi up</c>) or from a
/// build output folder (the plan and the tests): the first of the start folders, or a folder above one, that holds it.
/// </summary>
public static class SlackRelaySource
{
    public const string RelativePath = "components/assets/slack-relay/src";

    public static string Find() => Find([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

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
