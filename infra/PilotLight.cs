using Infra.Stacks.Settings;

namespace Infra;

/// <summary>The settings the DR region's serving tier runs with: the same services, sized for a pilot light.</summary>
public static class PilotLight
{
    /// <summary>
    /// Until promotion every service runs zero tasks (autoscaling pinned to 0) behind a load balancer with the DR
    /// region's certificate; once <c>dr.promote</c> is set the services run as in the primary region.
    /// </summary>
    public static StackSettings SettingsFor(StackSettings settings)
    {
        var loadBalancer = settings.LoadBalancer with { CertificateArn = settings.Dr.CertificateArn };
        var services = settings.Dr.Promote
            ? settings.Services
            : settings.Services.Select(Dormant).ToValueList();
        return settings with { LoadBalancer = loadBalancer, Services = services };
    }

    private static ServiceSettings Dormant(ServiceSettings service) => service with
    {
        DesiredCount = 0,
        IdleDesiredCount = 0,
        Autoscaling = service.Autoscaling with { Min = 0, Max = 0 },
        Running = new ColorPair<bool>(false, false),
    };
}
