namespace Infra.Runner.Rollout;

/// <summary>Bad arguments or a stack state the command cannot start from; the message is the fix-it text shown to the operator (exit code 2).</summary>
public sealed class RolloutInputException(string message) : Exception(message);
