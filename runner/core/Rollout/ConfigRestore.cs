namespace Infra.Runner.Rollout;

/// <summary>Puts release values back when a command stops, so the ledger says what the stack should run.</summary>
internal static class ConfigRestore
{
    /// <summary>Undo a deploy's first config writes: each new color's image and scale as they were before the rollout.</summary>
    public static async Task RestoreColorsAsync(IStackOperations stack, IReadOnlyList<RolloutServiceRecord> services, CancellationToken cancellationToken)
    {
        foreach (var service in services)
        {
            if (service.Replaced is not { } previous)
            {
                continue;
            }

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
