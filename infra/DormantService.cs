using Infra.Stacks.Settings;

namespace Infra;

/// <summary>
/// A service that runs no task: both colors at 0 and autoscaling pinned to 0..0, so nothing starts one again (autoscaling
/// owns the desired count). The pilot light rests so until promotion, and the primary region is fenced so after it.
/// </summary>
public static class DormantService
{
    public static ServiceSettings Of(ServiceSettings service) => service with
    {
        DesiredCount = 0,
        IdleDesiredCount = 0,
        Autoscaling = service.Autoscaling with { Min = 0, Max = 0 },
        Running = new ColorPair<bool>(false, false),
    };
}
