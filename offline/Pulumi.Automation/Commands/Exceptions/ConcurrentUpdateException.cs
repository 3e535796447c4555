namespace Pulumi.Automation.Commands.Exceptions;

/// <summary>Another update holds the stack's lock; nothing was changed.</summary>
public sealed class ConcurrentUpdateException : CommandException
{
    internal ConcurrentUpdateException(string message) : base(nameof(ConcurrentUpdateException), message)
    {
    }
}
