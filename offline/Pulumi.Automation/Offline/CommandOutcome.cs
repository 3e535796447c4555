using System.Text.RegularExpressions;
using Pulumi.Automation.Commands.Exceptions;

namespace Pulumi.Automation.Offline;

/// <summary>
/// What a CLI command would have ended with. A failure becomes the exception the real Automation API raises for it:
/// the same message layout (exit code, stdout, stderr) and the same classification by what stderr says.
/// </summary>
internal sealed record CommandOutcome(int Code, string StandardOutput, string StandardError)
{
    /// <summary>The CLI's exit code for a failed command (its -1).</summary>
    public const int FailureCode = 255;

    /// <summary>The phrase of the local (diy) backend's lock error, which the real classifier looks for.</summary>
    public const string LockedPhrase = "the stack is currently locked by";

    private static readonly Regex NotFound = new("no stack named.*found");

    public static CommandOutcome Failure(string standardOutput, string standardError) => new(FailureCode, standardOutput, standardError);

    public CommandException ToException()
    {
        var message = ToString();
        if (NotFound.IsMatch(StandardError)) return new StackNotFoundException(message);
        if (StandardError.Contains(LockedPhrase, StringComparison.Ordinal)) return new ConcurrentUpdateException(message);
        return new CommandException(nameof(CommandException), message);
    }

    public override string ToString() => $"code: {Code}\nstdout: {StandardOutput}\nstderr: {StandardError}\n";
}
