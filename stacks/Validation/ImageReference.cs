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

    private const string Component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private const string HostComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Host = $@"(?:{HostComponent}(?:\.{HostComponent})*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?";
    private const string Name = $"(?:{Host}/)?{Component}(?:/{Component})*";

    [GeneratedRegex($@"^(?<name>{Name})(?::[A-Za-z0-9_][A-Za-z0-9_.-]{{0,127}})?(?:@sha256:[a-f0-9]{{64}})?$")]
    private static partial Regex Reference();

    public static bool IsValid(string reference) =>
        Reference().Match(reference) is { Success: true } match && match.Groups["name"].Length <= MaxNameLength;
}
