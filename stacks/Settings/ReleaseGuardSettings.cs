namespace Infra.Stacks.Settings;

/// <summary>
/// <c>infra:releaseGuard</c>: the release guard, an EventBridge-triggered Lambda that flips traffic back to the live
/// colors when a gate or critical alarm fires, or the runner's lease expires, while a rollout has traffic split.
/// </summary>
/// <param name="Enabled">Whether the stack declares the guard. Default true.</param>
public sealed record ReleaseGuardSettings(bool Enabled);
