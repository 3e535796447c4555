namespace Infra.Runner.Rollout;

/// <summary>
/// Another runner holds the rollout in progress, or took it over from this one. The message says who and until when.
/// The runner that gets this stops touching the stack at once (exit code <see cref="ExitCodes.RolloutHeld"/>).
/// </summary>
public sealed class RolloutLeaseException(string message, Exception? inner = null) : Exception(message, inner);
