using Infra.Stacks.Loading;

namespace Infra.Stacks.Validation;

/// <summary>
/// <c>infra:loadBalancer.previewHeader</c> must be a header name an ALB header condition can match: an HTTP token
/// (RFC 9110 section 5.6.2) without the <c>*</c> wildcard, at most 40 characters, and not <c>Host</c>, which only
/// host-header conditions match.
/// </summary>
public static class PreviewHeaderName
{
    /// <summary>The longest header name an ALB header condition accepts.</summary>
    public const int MaxLength = 40;

    private const string Punctuation = "!#$%&'+-.^_`|~";

    public static void Check(string path, string name, Diagnostics d)
    {
        if (name.Length == 0 || !name.All(IsAllowed))
            d.Error(path, $"{Shown.Text(name)} is not an HTTP header name; use letters, digits and {Punctuation} only, e.g. X-Infra-Preview");
        else if (name.Length > MaxLength)
            d.Error(path, $"{Shown.Text(name)} has {name.Length} characters; a load balancer header condition allows at most {MaxLength}");
        else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            d.Error(path, $"{Shown.Text(name)} is matched by host conditions only; choose another header name, e.g. X-Infra-Preview");
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c);
}
