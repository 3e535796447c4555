using System.Text.RegularExpressions;

namespace Infra.Stacks.Dr;

/// <summary>
/// An image in a private ECR registry, <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;[:tag][@sha256:…]</c>:
/// the parts that say which account's registry, in which region, and which repository.
/// </summary>
/// <param name="Version">What follows the repository: the tag and/or digest, with their <c>:</c> or <c>@</c>; may be empty.</param>
public sealed partial record EcrImageReference(string Account, string Region, string Repository, string Version)
{
    // Repositories may contain slashes; the tag and digest forms are those of the OCI reference grammar.
    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr\.(?<region>[a-z0-9-]+)\.amazonaws\.com/(?<repository>[a-z0-9._/-]+?)(?<version>(:[\w.-]+)?(@sha256:[0-9a-f]{64})?)$")]
    private static partial Regex Shape();

    /// <summary>The image's ECR parts; null for an image of any other registry.</summary>
    public static EcrImageReference? Parse(string image) =>
        Shape().Match(image) is { Success: true } match
            ? new EcrImageReference(match.Groups["account"].Value, match.Groups["region"].Value, match.Groups["repository"].Value, match.Groups["version"].Value)
            : null;

    /// <summary>The repository's ARN, e.g. <c>arn:aws:ecr:eu-west-1:123456789012:repository/web</c>.</summary>
    public string RepositoryArn => $"arn:aws:ecr:{Region}:{Account}:repository/{Repository}";

    /// <summary>
    /// The same image in the same account's registry of <paramref name="region"/>: ECR replication keeps the repository
    /// name, the tags and the digests, so only the host changes.
    /// </summary>
    public string InRegion(string region) => $"{Account}.dkr.ecr.{region}.amazonaws.com/{Repository}{Version}";
}
