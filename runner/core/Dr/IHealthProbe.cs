namespace Infra.Runner.Dr;

/// <summary>One HTTP GET of a health URL: whether it answered 2xx, and what it answered, for the log.</summary>
public interface IHealthProbe
{
    Task<(bool Healthy, string Detail)> GetAsync(string url, CancellationToken cancellationToken);
}
