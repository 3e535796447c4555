using Infra.Stacks.Dr;
using Infra.Stacks.Settings;

namespace Infra;

/// <summary>
/// The settings the DR region's serving tier runs with: the same services, sized for a pilot light, running the DR
/// region's copies of their images and secrets (see <see cref="DrRegionCopies"/>), so nothing they start with lives in
/// the primary region.
/// </summary>
public static class PilotLight
{
    /// <summary>
    /// Until promotion every service runs zero tasks (autoscaling pinned to 0) behind a load balancer with the DR
    /// region's certificate; once <c>dr.promote</c> is set the services run as in the primary region, until fail-back
    /// starts switching back: from then on they rest again, before fail-back stops them, so a <c>pulumi up</c> during the
    /// final catch-up or after the primary's promotion never starts them writing to the DR database.
    /// </summary>
    public static StackSettings SettingsFor(StackSettings settings)
    {
        var loadBalancer = settings.LoadBalancer with { CertificateArn = settings.Dr.CertificateArn };
        var copies = settings.Services.Select(service => DrRegionCopies.Service(service, settings));
        var services = settings.Dr is { Promote: true, SwitchingBack: false } ? copies.ToValueList() : copies.Select(DormantService.Of).ToValueList();
        return settings with { LoadBalancer = loadBalancer, Services = services };
    }
}
