namespace Infra.Runner.Rollout;

/// <summary>Puts config values back after a busy stack refused the update, so "stack busy" really means nothing changed.</summary>
internal static class ConfigRestore
{
    /// <summary>Undo a deploy's first config writes: the new color's image and scale.</summary>
    public static async Task RestoreColorsAsync(
        IStackOperations stack, IReadOnlyList<ServiceConfig> before, IReadOnlyList<RolloutServiceRecord> services, CancellationToken cancellationToken)
    {
        foreach (var service in services)
        {
            var previous = before.Single(c => c.Name == service.Name).Of(service.ToColor);
            await stack.SetImageAsync(service.Name, service.ToColor, previous.Image, cancellationToken);
            await stack.SetRunningAsync(service.Name, service.ToColor, previous.Running, cancellationToken);
        }
    }

    /// <summary>Undo a rollback command's writes: weights and, when a rollout was reverted, live colors.</summary>
    public static async Task RestoreTrafficAsync(
        IStackOperations stack, IReadOnlyList<ServiceConfig> before, bool liveColors, CancellationToken cancellationToken)
    {
        foreach (var config in before)
        {
            await stack.SetWeightsAsync(config.Name, config.Weights, cancellationToken);
            if (liveColors)
            {
                await stack.SetLiveColorAsync(config.Name, config.LiveColor, cancellationToken);
            }
        }
    }
}
