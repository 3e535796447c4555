using System.Text.RegularExpressions;

namespace Infra.Stacks.Validation;

/// <summary>
/// Container image references as the OCI distribution reference grammar defines them (distribution/reference,
/// <c>regexp.go</c>): an optional registry host with an optional port, lower-case path components joined by
/// <c>.</c>, <c>_</c>, <c>__</c> or dashes, an optional tag of up to 128 characters and an optional sha256 digest.
/// </summary>
public static partial class ImageReference
{
    /// <summary>The longest repository name (registry and path) the grammar allows.</summary>
    public const int MaxNameLength = 255;

    public const string AllowedForm = "[registry[:port]/]name[:tag][@sha256:<64 hex digits>], e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2";

    internal const string Component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private const string HostComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    internal const string Host = $@"(?:{HostComponent}(?:\.{HostComponent})*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?";
    private const string Name = $"(?:{Host}/)?{Component}(?:/{Component})*";

    [GeneratedRegex($@"^(?<name>{Name})(?::[A-Za-z0-9_][A-Za-z0-9_.-]{{0,127}})?(?:@sha256:[a-f0-9]{{64}})?$")]
    private static partial Regex Reference();

    [GeneratedRegex("@sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestSuffix();

    public static bool IsValid(string reference) =>
        Reference().Match(reference) is { Success: true } match && match.Groups["name"].Length <= MaxNameLength;

    /// <summary>
    /// Whether the reference names its content by digest (ends <c>@sha256:</c> and 64 lower-case hex digits), so what
    /// was tested is exactly what runs; a tag can be moved to other content at any time.
    /// </summary>
    public static bool IsByDigest(string reference) => IsValid(reference) && DigestSuffix().IsMatch(reference);

    /// <summary>
    /// The repository a valid reference names, fully qualified as the container runtime resolves it: the registry host
    /// and the path, without tag or digest. A first component that is not a host (no <c>.</c> or <c>:</c>, not
    /// <c>localhost</c>) is a Docker Hub path: <c>web:1</c> is <c>docker.io/library/web</c>, <c>acme/web</c> is
    /// <c>docker.io/acme/web</c>.
    /// </summary>
    public static (string Registry, string Path) Repository(string reference)
    {
        var name = Reference().Match(reference).Groups["name"].Value;
        var slash = name.IndexOf('/');
        var first = slash < 0 ? "" : name[..slash];
        if (IsRegistryHost(first))
            return (first == LegacyDockerHub ? DockerHub : first.ToLowerInvariant(), name[(slash + 1)..]);
        return (DockerHub, slash < 0 ? $"library/{name}" : name);
    }

    /// <summary>Whether a reference's first component is a registry host rather than a Docker Hub path component.</summary>
    public static bool IsRegistryHost(string component) =>
        component.Contains('.') || component.Contains(':') || component == "localhost";

    private const string DockerHub = "docker.io";
    private const string LegacyDockerHub = "index.docker.io";
}
