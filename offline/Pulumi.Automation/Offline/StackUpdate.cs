using System.Collections.Immutable;

namespace Pulumi.Automation.Offline;

/// <summary>
/// One <c>pulumi up</c> or <c>pulumi preview</c> of a stack, offline: under the stack lock it runs the program with
/// the stack's config, fails as the CLI fails (the program's own errors, a target the program does not declare),
/// records an update in the history (a preview records nothing) and keeps the stack outputs of an update that
/// updated the stack resource. Nothing is deployed anywhere.
/// </summary>
internal sealed class StackUpdate(string stackName, StackFiles files)
{
    private const string StackType = "pulumi:pulumi:Stack";

    public async Task<(string StandardOutput, string StandardError, UpdateSummary? Summary)> RunAsync(
        UpdateKind kind, UpdateOptions? options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var preview = kind == UpdateKind.Preview;
        var targets = options?.Target?.ToList() ?? [];
        var config = new StackConfigFile(files);
        using var stackLock = StackLock.Acquire(files);
        var start = DateTimeOffset.UtcNow;
        var values = config.ReadAll();
        ProgramRun run;
        try
        {
            run = await new ProgramProcess(ProjectFile.Load(files), stackName, files.Environment).RunAsync(values, preview, files.RunReportPath, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stackLock.Abandon();
            throw;
        }

        var targetErrors = run.Report is { } declared ? MissingTargets(targets, declared.Urns) : [];
        var succeeded = run.Succeeded && targetErrors.Count == 0;
        var standardError = run.StandardError + string.Concat(targetErrors.Select(e => $"error: {e}\n"));
        var standardOutput = run.StandardOutput + (succeeded ? Summary(kind, run.Report!.Urns.Length, targets) : "");
        UpdateSummary? summary = null;
        if (!preview)
        {
            var history = new UpdateHistory(files);
            summary = new UpdateSummary(UpdateKind.Update, start, DateTimeOffset.UtcNow, options?.Message ?? "",
                succeeded ? UpdateState.Succeeded : UpdateState.Failed, history.NextVersion());
            history.Append(summary, targets, values);
        }

        if (!succeeded) throw CommandOutcome.Failure(standardOutput, standardError).ToException();
        if (!preview)
        {
            new StackResourcesFile(files).Write(run.Report!.Urns);
            new StackDeploymentFile(stackName, files).Discard();
        }
        if (!preview && (targets.Count == 0 || targets.Any(IsStack)))
        {
            new StackOutputsFile(files).Write(run.Report!.Outputs);
        }

        return (standardOutput, standardError, summary);
    }

    /// <summary>The engine's check after the steps: every target must name a resource (offline: one the program declared).</summary>
    public static List<string> MissingTargets(IReadOnlyList<string> targets, ImmutableArray<string> declared) =>
        targets.Where(t => !declared.Contains(t))
            .Select(t => t.Contains('$', StringComparison.Ordinal)
                ? $"Target '{t}' could not be found in the stack."
                : $"Target '{t}' could not be found in the stack. Did you forget to escape $ in your shell?")
            .ToList();

    private static bool IsStack(string urn) => urn.Split("::") is [_, _, StackType, _];

    private string Summary(UpdateKind kind, int resources, IReadOnlyList<string> targets)
    {
        var what = kind == UpdateKind.Preview ? "preview" : "update";
        var scope = targets.Count == 0 ? "the whole stack" : $"{targets.Count} target(s)";
        return $"offline {what} of {scope} of stack '{stackName}': the program declared {resources} resources; nothing was deployed\n"
            + string.Concat(targets.Select(t => $"  {t}\n"));
    }
}
