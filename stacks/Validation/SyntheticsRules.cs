using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:synthetics</c>.</summary>
public static partial class SyntheticsRules
{
    /// <summary>
    /// AWS's limit on canary names: 1 to 255 characters of lowercase letters, digits, hyphens and underscores
    /// (Synthetics' <c>CreateCanary</c> model in aws-sdk-net, <c>[AWSProperty(Min=1, Max=255)]</c>, and the
    /// <c>name</c> input of <c>@pulumi/aws</c> 7.48.0). The old limit of 21 is gone. The canary is named
    /// <c>&lt;stack&gt;-&lt;name&gt;</c>; <c>&lt;stack&gt;-dr-&lt;name&gt;</c> is reserved for journeys in the DR region and must fit too.
    /// </summary>
    public const int MaxCanaryNameLength = 255;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NameShape();

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex CanaryNameShape();

    [GeneratedRegex("^([1-9][0-9]?)m$|^1h$")]
    private static partial Regex EveryShape();

    /// <summary>The physical canary name of a journey.</summary>
    public static string CanaryName(string stack, string journey) => $"{stack}-{journey}";

    /// <summary>The name reserved for a journey's canary in the DR region, distinct from the primary's.</summary>
    public static string DrCanaryName(string stack, string journey) => $"{stack}-dr-{journey}";

    /// <summary>Minutes of an <c>every</c> value (<c>5m</c>, <c>1h</c>), or null when it is not one or out of 1 to 60.</summary>
    public static int? MinutesOf(string every)
    {
        if (!EveryShape().IsMatch(every)) return null;
        var minutes = every == "1h" ? 60 : int.Parse(every[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return minutes <= 60 ? minutes : null;
    }

    public static void Validate(StackSettings settings, Diagnostics d)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < settings.Synthetics.Count; i++)
        {
            var journey = settings.Synthetics[i];
            var path = KeyPath.Item(ConfigKeys.Synthetics, i);
            CheckName(settings.StackName, journey.Name, $"{path}.name", seen, d);
            CheckTarget(settings, journey, path, d);
            if (MinutesOf(journey.Every) is null)
                d.Error($"{path}.every", $"{Shown.Text(journey.Every)} is not allowed; use minutes from 1m to 60m, or 1h");
            d.CheckRange($"{path}.expectStatus", journey.ExpectStatus, 100, 599);
            for (var s = 0; s < journey.Steps.Count; s++)
            {
                var stepPath = KeyPath.Item($"{path}.steps", s);
                CheckPath($"{stepPath}.path", journey.Steps[s].Path, d);
                d.CheckRange($"{stepPath}.expectStatus", journey.Steps[s].ExpectStatus, 100, 599);
            }
        }
    }

    private static void CheckName(string stack, string name, string path, HashSet<string> seen, Diagnostics d)
    {
        if (name.Length == 0)
        {
            d.Error(path, "required; a short lowercase name such as checkout");
            return;
        }
        if (!NameShape().IsMatch(name))
            d.Error(path, $"{Shown.Text(name)} is not allowed; use lowercase letters, digits and hyphens, starting with a letter or digit");
        else if (!CanaryNameShape().IsMatch(stack))
            d.Error(path, $"the canary name {CanaryName(stack, name)} is not allowed: the stack name {Shown.Text(stack)} has characters a canary name may not have; AWS allows lowercase letters, digits, hyphens and underscores");
        else if (DrCanaryName(stack, name).Length > MaxCanaryNameLength)
            d.Error(path, $"{Shown.Text(name)} is too long: the DR region's canary name {DrCanaryName(stack, name)} has {DrCanaryName(stack, name).Length} characters and AWS allows {MaxCanaryNameLength}; shorten the name");
        if (!seen.Add(name))
            d.Error(path, $"{Shown.Text(name)} is used by another journey; journey names must be unique");
    }

    private static void CheckTarget(StackSettings settings, SyntheticJourneySettings journey, string path, Diagnostics d)
    {
        switch (journey)
        {
            case { Url: not null, Service: not null }:
                d.Error(path, "only one of url or service");
                return;
            case { Url: null, Service: null }:
                d.Error(path, "set url (an absolute http or https URL) or service (one of infra:services) and path");
                return;
            case { Url: { } url }:
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    d.Error($"{path}.url", $"{Shown.Text(url)} is not an absolute http or https URL, e.g. https://shop.example.com/");
                if (journey.Path is not null)
                    d.Error($"{path}.path", "only with service; put the path in url");
                return;
            case { Service: { } service }:
                if (journey.Path is { } start) CheckPath($"{path}.path", start, d);
                var known = settings.Services.FirstOrDefault(s => s.Name == service);
                if (known is null)
                    d.Error($"{path}.service", $"{Shown.Text(service)} is not a service of this stack; use one of: {string.Join(", ", settings.Services.Select(s => s.Name))}");
                else if (known.Host is null && settings.LoadBalancer.ServesHttps)
                    d.Error($"{path}.service",
                        $"service {Shown.Text(service)} has no host, and over HTTPS the load balancer's DNS name does not match the certificate; set infra:services.{service}.host or give the journey a url");
                return;
        }
    }

    private static void CheckPath(string path, string value, Diagnostics d)
    {
        if (!value.StartsWith('/'))
            d.Error(path, $"{Shown.Text(value)} is not allowed; a path starts with /, e.g. /health");
    }
}
