using System.CommandLine;
using System.Text.Json;
using Infra.Stacks.Loading;

namespace Infra.Runner.Plan;

/// <summary><c>plan STACK [--json FILE]</c>: the offline plan of a stack file, as a tree and optionally as JSON.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var stack = new Argument<string>("stack") { Description = "The stack to plan, e.g. staging (reads Pulumi.<stack>.yaml)." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the plan as JSON to this file." };
        var stackFile = new Option<FileInfo?>("--stack-file") { Description = "The stack file to read; the stack keeps its name. Default: Pulumi.<stack>.yaml in the current folder." };
        var ledger = new Option<bool>("--ledger")
        {
            Description = "Declare the release recorded in the stack's release ledger (read with the AWS SDK's credentials and endpoint settings) instead of the stack file's values.",
        };
        var command = new Command("plan", "Runs the program against the offline plan engine and prints every resource it declares.")
        {
            stack, json, stackFile, ledger,
        };
        command.SetAction((parse, _) => RunAsync(
            parse.GetValue(stackFile)?.FullName ?? $"Pulumi.{parse.GetValue(stack)}.yaml", parse.GetValue(json), Console.Out, Console.Error,
            parse.GetValue(stack), parse.GetValue(ledger) ? new LedgerReleaseSource() : null));
        return command;
    }

    /// <summary>Exit codes: 0 planned, 1 the program failed, 2 the stack file is invalid or --json cannot be written there (nothing printed or written).</summary>
    /// <param name="stackName">The stack planned. Default: from the stack file's name.</param>
    /// <param name="release">Where the release values come from. Default: none, the stack file's values (said in one line).</param>
    public static async Task<int> RunAsync(string stackFilePath, FileInfo? jsonFile, TextWriter output, TextWriter errors,
        string? stackName = null, IReleaseSource? release = null)
    {
        if (jsonFile is not null && JsonTargetProblem(jsonFile) is { } problem)
        {
            errors.WriteLine($"plan: --json {jsonFile.FullName}: {problem}");
            return ExitCodes.BadInput;
        }

        PlanResult result;
        try
        {
            result = await PlanBuilder.BuildAsync(stackFilePath, stackName, release);
        }
        catch (StackSettingsException e)
        {
            foreach (var error in e.Errors) errors.WriteLine(error);
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            errors.WriteLine($"plan: the program failed: {e.Message}");
            return ExitCodes.Failed;
        }

        foreach (var warning in result.Warnings) errors.WriteLine($"warning: {warning}");
        if (release is null) errors.WriteLine(ReleaseSourceNote);
        PlanTreePrinter.Print(result.Document, output);
        if (jsonFile is not null)
        {
            await File.WriteAllTextAsync(jsonFile.FullName, Serialize(result.Document));
            output.WriteLine($"plan written to {jsonFile.FullName}");
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// The plan runs without credentials (pull requests), so it declares the stack file's release values, where
    /// <c>pulumi up</c> declares the ledger's: said once, so no reviewer takes the plan's weights for the live ones.
    /// </summary>
    public const string ReleaseSourceNote =
        "note: images, weights, live colors and running flags are the stack file's; pulumi up declares the release ledger's instead";

    /// <summary>Checked before planning, so a wrong path fails at once instead of after the whole tree was printed.</summary>
    private static string? JsonTargetProblem(FileInfo jsonFile) =>
        Directory.Exists(jsonFile.FullName) ? "is a folder; name the file to write"
        : !Directory.Exists(jsonFile.DirectoryName) ? $"the folder {jsonFile.DirectoryName} does not exist; create it first"
        : null;

    public static string Serialize(System.Text.Json.Nodes.JsonObject plan) =>
        plan.ToJsonString(Options) + "\n";

    // Plans are read by people in reviews: JSON embedded in inputs keeps its quotes readable instead of \u0022.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
