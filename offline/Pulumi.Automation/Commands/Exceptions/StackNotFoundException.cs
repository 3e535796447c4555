namespace Pulumi.Automation.Commands.Exceptions;

/// <summary>The selected stack does not exist.</summary>
public sealed class StackNotFoundException : CommandException
{
    internal StackNotFoundException(string message) : base(nameof(StackNotFoundException), message)
    {
    }
}
