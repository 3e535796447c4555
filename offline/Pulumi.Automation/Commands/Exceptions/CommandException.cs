namespace Pulumi.Automation.Commands.Exceptions;

/// <summary>A pulumi command failed; <see cref="Name"/> says which kind of failure.</summary>
public class CommandException : Exception
{
    internal CommandException(string name, string message) : base(message)
    {
        Name = name;
    }

    public string Name { get; }
}
