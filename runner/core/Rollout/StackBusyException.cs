namespace Infra.Runner.Rollout;

/// <summary>
/// Thrown by <see cref="IStackOperations.UpdateAsync"/> when another update holds the stack.
/// The Pulumi adapter maps the Automation API's concurrent-update error to this, so the engine can promise "nothing changed" (exit code 4).
/// </summary>
public sealed class StackBusyException(string message, Exception? inner = null) : Exception(message, inner);
