namespace Infra.Runner.Rollout;

/// <summary>
/// Calls the plan's webhooks for one point of the release, one after the other, journaling each as HookStarted and
/// HookFinished (its HTTP status as output, never the body). A hook the record already holds as done is not called
/// again, so a resume never repeats one that answered.
/// </summary>
internal sealed class WebhookCalls(HookRun run)
{
    /// <param name="weights">Each service's weights at this point, for the body.</param>
    /// <param name="store">Keeps a finished hook in the rollout record (a no-op where the record is gone, after a rollback).</param>
    /// <returns>Why the release must stop: the first failed pre-traffic or post-step hook; null otherwise (notifications never stop it).</returns>
    public async Task<string?> RunAsync(
        WebhookAt at, Func<RolloutServiceRecord, TrafficWeights> weights, Func<HookRecord, Task> store, CancellationToken cancellationToken)
    {
        var record = run.Record;
        var ports = run.Ports;
        var hooks = record.Plan.Webhooks.Where(h => h.At == at && record.HookStateOf(RecordName(h, record)) != HookState.Done).ToList();
        if (hooks.Count == 0) return null;
        var body = WebhookPayload.Build(ports.Stack.StackName, record, at, weights, ports.Time.GetUtcNow());
        var where = at == WebhookAt.PostStep ? $" after {CanaryWatch.Where(record)}" : "";
        foreach (var hook in hooks)
        {
            await run.JournalStartAsync(hook.HookName, at.Name(), $"Webhook {hook.Name} ({at.Name()}) called{where}", cancellationToken);
            var started = ports.Time.GetUtcNow();
            var response = ports.Webhooks is { } sender
                ? await sender.PostAsync(hook.Url, body, hook.Timeout, cancellationToken)
                : new WebhookResponse(null, Error: "the runner has no webhook sender");
            var output = response.Describe(hook.Timeout);
            var result = response.Succeeded ? HookResult.Ok : response.TimedOut ? HookResult.Timeout : HookResult.Failed;
            await run.JournalFinishAsync(hook.HookName, started, at.Name(), result, output,
                $"Webhook {hook.Name} ({at.Name()}){where}: {result.ToString().ToLowerInvariant()}, {output}", cancellationToken);
            await store(HookRun.Ended(new HookRecord(RecordName(hook, record), HookState.Running, output, started), result));
            if (!response.Succeeded && at.Blocks())
            {
                return $"webhook {hook.Name} ({at.Name()}) failed{where}: {output}";
            }
        }

        return null;
    }

    /// <summary>A hook's entry in the record: <c>webhook:NAME@pre-traffic</c>, <c>webhook:NAME@post-step:2</c> (after step 2), ...</summary>
    private static string RecordName(RolloutWebhook hook, RolloutRecord record) =>
        $"{hook.HookName}@{hook.At.Name()}" + (hook.At == WebhookAt.PostStep ? $":{record.StepIndex + 1}" : "");
}
