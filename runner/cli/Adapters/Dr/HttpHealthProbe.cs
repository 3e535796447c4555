using Infra.Runner.Dr;

namespace Infra.Runner.Adapters.Dr;

/// <summary>One GET of the primary's health URL through the smoke checks' client (its timeout bounds the wait): 2xx is healthy.</summary>
public sealed class HttpHealthProbe(HttpClient client) : IHealthProbe
{
    public async Task<(bool Healthy, string Detail)> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken);
        return ((int)response.StatusCode is >= 200 and < 300, $"HTTP {(int)response.StatusCode}");
    }
}
