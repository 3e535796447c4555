namespace Amazon.CloudWatch.Internal;

/// <summary>
/// The endpoint override the real SDK reads for CloudWatch (service id "CloudWatch"): AWS_ENDPOINT_URL_CLOUDWATCH,
/// then AWS_ENDPOINT_URL, both ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true. The shared config file's
/// endpoint_url settings, which the real SDK also reads, are not read offline.
/// </summary>
internal static class CloudWatchEndpoint
{
    public const string ServiceVariable = "AWS_ENDPOINT_URL_CLOUDWATCH";
    public const string GlobalVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The configured endpoint and the variable it came from, or null when none is configured.</summary>
    public static (Uri Endpoint, string Variable)? Configured()
    {
        if (string.Equals(Environment.GetEnvironmentVariable(IgnoreVariable), "true", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var variable in new[] { ServiceVariable, GlobalVariable })
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"{variable}: '{value}' is not an http(s) URL; expected e.g. http://127.0.0.1:4566");
            return (uri, variable);
        }

        return null;
    }
}
