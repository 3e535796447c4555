namespace Amazon.Offline;

/// <summary>
/// Where an offline AWS client may send its unsigned requests: the endpoint override the real SDK honours for the
/// service (AWS_ENDPOINT_URL_&lt;SERVICE ID&gt;, then AWS_ENDPOINT_URL, both ignored when
/// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), on loopback only. The shared config file's endpoint_url settings,
/// which the real SDK also reads, are not read offline. Linked into each offline AWSSDK project.
/// </summary>
internal sealed record LoopbackEndpoint(string Package, string Service, string ServiceVariable)
{
    public const string GlobalVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>
    /// The configured endpoint, read at every call so a process started with the override set uses it however the
    /// client was made; refused, saying why, when none is set or it is not on this machine.
    /// </summary>
    public Uri Require(string? region, string purpose)
    {
        var where = region is null ? "AWS" : $"AWS ({region})";
        var configured = Configured() ?? throw new NotSupportedException(
            $"the offline {Package} cannot reach {where} to {purpose}: it cannot sign requests to AWS. Set " +
            $"{ServiceVariable} (or {GlobalVariable}) to a {Service}-compatible server on loopback, " +
            "or build with the real packages (OfflineSdk=false)");
        if (!configured.Endpoint.IsLoopback)
            throw new NotSupportedException(
                $"the offline {Package} sends unsigned requests, so it only calls loopback endpoints; " +
                $"{configured.Variable} is '{configured.Endpoint.OriginalString}'");
        return configured.Endpoint;
    }

    private (Uri Endpoint, string Variable)? Configured()
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
