using System.Text.RegularExpressions;
using Infra.Stacks.Loading;

namespace Infra.Stacks.Validation;

/// <summary>
/// <c>infra:images.allowedRegistries</c> as a rule: an image is allowed when its registry host is listed, or a listed
/// entry names that host and a repository prefix of whole path components (<c>ghcr.io/acme</c> allows
/// <c>ghcr.io/acme/web</c>, not <c>ghcr.io/acme-tools/web</c>). Hosts compare without case, paths exactly.
/// The plan, the program and the runner's <c>deploy --service web=IMAGE</c> all ask this one rule.
/// </summary>
public static partial class AllowedRegistries
{
    public const string Key = $"{ConfigKeys.Images}.allowedRegistries";

    public const string AllowedForm =
        "a registry host[:port] with an optional repository prefix, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or ghcr.io/acme";

    [GeneratedRegex($"^(?<host>{ImageReference.Host})(?<path>(?:/{ImageReference.Component})*)$")]
    private static partial Regex Entry();

    /// <summary>Whether <paramref name="entry"/> is a registry host, optionally with a repository prefix.</summary>
    public static bool IsValidEntry(string entry) =>
        Entry().Match(entry) is { Success: true } match && ImageReference.IsRegistryHost(match.Groups["host"].Value);

    /// <summary>Whether a valid image reference comes from one of the (valid) <paramref name="allowed"/> entries.</summary>
    public static bool Allows(IEnumerable<string> allowed, string image)
    {
        var (registry, path) = ImageReference.Repository(image);
        return allowed.Select(e => Entry().Match(e)).Where(m => m.Success).Any(m =>
            string.Equals(m.Groups["host"].Value, registry, StringComparison.OrdinalIgnoreCase)
            && (m.Groups["path"].Length == 0 || $"{path}/".StartsWith($"{m.Groups["path"].Value[1..]}/", StringComparison.Ordinal)));
    }

    /// <summary>Why <paramref name="image"/> is refused, naming the key and what it allows.</summary>
    public static string Refusal(string image, IEnumerable<string> allowed) =>
        $"{Shown.Text(image)} is not from an allowed registry; {Key} allows {string.Join(", ", allowed)}";
}
