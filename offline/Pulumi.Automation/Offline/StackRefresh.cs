namespace Pulumi.Automation.Offline;

/// <summary>
/// One <c>pulumi refresh --yes --skip-preview [--target URN]...</c>, offline: under the stack lock, without running the
/// program (a refresh reads the provider, not the program), it fails as the engine does on a target the state does
/// not hold and records a refresh in the history. Nothing is deployed offline, so the state already matches and the
/// refresh changes nothing.
/// </summary>
internal sealed class StackRefresh(string stackName, StackFiles files)
{
    public UpdateResult Run(RefreshOptions? options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var targets = options?.Target?.ToList() ?? [];
        using var stackLock = StackLock.Acquire(files);
        var start = DateTimeOffset.UtcNow;
        var errors = StackUpdate.MissingTargets(targets, [.. new StackResourcesFile(files).Read()]);
        var history = new UpdateHistory(files);
        var summary = new UpdateSummary(UpdateKind.Refresh, start, DateTimeOffset.UtcNow, options?.Message ?? "",
            errors.Count == 0 ? UpdateState.Succeeded : UpdateState.Failed, history.NextVersion());
        history.Append(summary, targets, new StackConfigFile(files).ReadAll());
        var standardError = string.Concat(errors.Select(e => $"error: {e}\n"));
        if (errors.Count > 0) throw CommandOutcome.Failure("", standardError).ToException();
        var scope = targets.Count == 0 ? "the whole stack" : $"{targets.Count} target(s)";
        var standardOutput = $"offline refresh of {scope} of stack '{stackName}': nothing is deployed, so the state already matches\n"
            + string.Concat(targets.Select(t => $"  {t}\n"));
        return new UpdateResult(standardOutput, standardError, summary);
    }
}
