namespace Infra.Runner.Rollout;

/// <summary>
/// The stack as the rollout sees it: config values per service, the in-progress rollout record, outputs,
/// and targeted updates. The Pulumi Automation API adapter implements it; config setters only write
/// config, nothing reaches AWS until <see cref="UpdateAsync"/>.
/// </summary>
public interface IStackOperations
{
    /// <summary>The stack's name; its config lives in <c>Pulumi.&lt;name&gt;.yaml</c>.</summary>
    string StackName { get; }

    Task<StackOutputs> ReadOutputsAsync(CancellationToken cancellationToken);

    Task<ServiceConfig> ReadServiceConfigAsync(string service, CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, removes) the image of one color.</summary>
    Task SetImageAsync(string service, DeployColor color, string? image, CancellationToken cancellationToken);

    /// <summary>Scales one color up (running) or to zero tasks.</summary>
    Task SetRunningAsync(string service, DeployColor color, bool running, CancellationToken cancellationToken);

    Task SetWeightsAsync(string service, TrafficWeights weights, CancellationToken cancellationToken);

    Task SetLiveColorAsync(string service, DeployColor color, CancellationToken cancellationToken);

    /// <summary>The in-progress rollout, or null; <see cref="RolloutRecordJson"/> is its config value format.</summary>
    Task<RolloutRecord?> ReadRolloutRecordAsync(CancellationToken cancellationToken);

    Task WriteRolloutRecordAsync(RolloutRecord record, CancellationToken cancellationToken);

    Task ClearRolloutRecordAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies the current config to exactly <paramref name="targetUrns"/>.
    /// Throws <see cref="StackBusyException"/> when another update holds the stack (nothing was changed);
    /// any other exception means the update failed and may have applied part of its targets.
    /// </summary>
    Task UpdateAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken);
}
