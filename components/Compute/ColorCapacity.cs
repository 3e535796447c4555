using Infra.Stacks.Settings;

namespace Infra.Components.Compute;

/// <summary>How many tasks one color runs and the autoscaling range around that.</summary>
public sealed record ColorCapacity(int DesiredCount, int MinCapacity, int MaxCapacity)
{
    /// <summary>
    /// A color that is live, takes any traffic (also mid-rollout) or that the runner keeps running (while it tests the
    /// idle color, and during the termination wait) runs desiredCount tasks and scales within the autoscaling range.
    /// An idle color is pinned to idleDesiredCount (min = max), so CPU scaling never wakes it.
    /// Autoscaling owns the ECS service's desired count after creation, so these bounds are what moves it.
    /// </summary>
    public static ColorCapacity For(ServiceSettings service, Color color) =>
        color == service.LiveColor || service.Weights[color] > 0 || service.Running[color]
            ? new ColorCapacity(service.DesiredCount, service.Autoscaling.Min, service.Autoscaling.Max)
            : new ColorCapacity(service.IdleDesiredCount, service.IdleDesiredCount, service.IdleDesiredCount);
}
