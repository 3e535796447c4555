using Infra.Stacks.Settings;

namespace Infra.Components.Compute;

/// <summary>How many tasks one color runs and the autoscaling range around that.</summary>
public sealed record ColorCapacity(int DesiredCount, int MinCapacity, int MaxCapacity)
{
    /// <summary>
    /// A color that is live or takes any traffic (also mid-rollout) runs desiredCount tasks and scales within the
    /// autoscaling range. A color the runner keeps running without traffic (while it readies and tests the idle color,
    /// and the old color during the termination wait) is held at <see cref="KeptRunning"/>. An idle color is pinned to
    /// idleDesiredCount (min = max), so CPU scaling never wakes it. Autoscaling owns the ECS service's desired count
    /// after creation, so these bounds are what moves it.
    /// </summary>
    public static ColorCapacity For(ServiceSettings service, Color color) =>
        color == service.LiveColor || service.Weights[color] > 0
            ? Routed(service)
            : service.Running[color]
                ? KeptRunning(service)
                : new ColorCapacity(service.IdleDesiredCount, service.IdleDesiredCount, service.IdleDesiredCount);

    /// <summary>What a color that takes traffic runs: desiredCount tasks, scaling within the autoscaling range.</summary>
    public static ColorCapacity Routed(ServiceSettings service) => new(service.DesiredCount, service.Autoscaling.Min, service.Autoscaling.Max);

    /// <summary>
    /// A color running without traffic: at least desiredCount tasks (an autoscaling minimum below it would let the
    /// color idle at fewer, and no CPU load raises it), so the runner can wait for exactly this many to be healthy
    /// before the smoke check, and the old color can take all traffic back at once during the termination wait.
    /// </summary>
    public static ColorCapacity KeptRunning(ServiceSettings service)
    {
        var count = Math.Max(service.DesiredCount, service.Autoscaling.Min);
        return new ColorCapacity(count, count, Math.Max(count, service.Autoscaling.Max));
    }
}
