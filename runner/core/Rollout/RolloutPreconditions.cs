namespace Infra.Runner.Rollout;

/// <summary>Pure checks that a service can start a rollout, and the move it will make.</summary>
internal static class RolloutPreconditions
{
    /// <summary>
    /// A service moves from its live color to the other one. It must be at rest (all traffic on the live color),
    /// and the new color needs an image: the requested one or the one already configured for it.
    /// </summary>
    public static RolloutServiceRecord Move(ServiceRequest request, ServiceConfig config)
    {
        if (config.Weights != TrafficWeights.AllTo(config.LiveColor))
        {
            throw new RolloutInputException(
                $"service {config.Name} has traffic split ({config.Weights}) with no rollout in progress; run rollback first");
        }

        var target = config.LiveColor.Other();
        var image = request.Image ?? config.Of(target).Image
            ?? throw new RolloutInputException(
                $"service {config.Name} has no image for {target.ConfigName()} yet; pass --service {config.Name}=IMAGE");
        return new RolloutServiceRecord(config.Name, config.LiveColor, target, image, config.Of(target));
    }
}
