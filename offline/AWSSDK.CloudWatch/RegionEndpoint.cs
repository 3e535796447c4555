namespace Amazon;

/// <summary>
/// An AWS region, as clients are created for one. In the real packages it comes from AWSSDK.Core; it is declared here
/// under its real namespace, like <see cref="Runtime.ConstantClass"/>.
/// </summary>
public class RegionEndpoint
{
    private RegionEndpoint(string systemName)
    {
        SystemName = systemName;
    }

    /// <summary>The region's name, e.g. eu-central-1.</summary>
    public string SystemName { get; private set; }

    /// <summary>The region called <paramref name="systemName"/>; an unknown name is taken as a new region, as the real SDK does.</summary>
    public static RegionEndpoint GetBySystemName(string systemName) => new(systemName);
}
