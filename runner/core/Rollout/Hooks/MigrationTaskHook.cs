namespace Infra.Runner.Rollout;

/// <summary>
/// The pre-traffic migration: one ECS task from the new color's task definition with the command override, in the
/// private subnets with the task security group, waited for until it stops. Returns null on exit code 0, or why the
/// release must stop (traffic has not moved), naming the exit code and the log stream. A resumed rollout whose task
/// was started waits for that task by its ARN; one that finished is never run again. A runner killed after RunTask
/// answered but before the ARN was stored is resumed with the same client token, which ECS answers with the same
/// task; past the token's lifetime it is not started again.
/// </summary>
internal sealed class MigrationTaskHook(HookRun run, StackOutputs outputs)
{
    /// <summary>How long ECS remembers a RunTask client token (at most; the ECS API reference's "Ensuring idempotency").</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);

    public async Task<string?> RunAsync(MigrationHook migration, RolloutServiceRecord service, CancellationToken cancellationToken)
    {
        var tasks = run.Ports.Tasks ?? throw new InvalidOperationException("the release runs a migration but the runner has no ECS adapter");
        var target = HookOutputs.Migration(outputs, service);
        var hook = run.Record.Find(HookNames.Migration);
        if (hook is { Reference: null } && run.Ports.Time.GetUtcNow() - hook.StartedAt >= TokenLifetime)
        {
            return await FailAsync(hook, HookResult.Failed, "",
                $"the migration task of {service.Name} was started at {hook.StartedAt:u} but its ARN was never stored, and ECS forgets the client token " +
                $"{MigrationTaskRequest.TokenFor(run.Record.Id)} after {TokenLifetime.TotalHours:0} hours, so it is not started again; " +
                $"look for tasks started by {run.Record.Id} in cluster {target.Cluster}", cancellationToken);
        }

        if (hook?.Reference is null)
        {
            hook ??= await run.StartAsync(HookNames.Migration, HookNames.PreTraffic, null,
                $"Migration task of {service.Name} ({string.Join(" ", migration.Command)}) starting on {service.ToColor.ConfigName()}", cancellationToken);
            string arn;
            try
            {
                arn = await tasks.StartAsync(target.Request(migration.Command, run.Record.Id), cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return await FailAsync(hook, HookResult.Failed, "", $"the migration task of {service.Name} could not be started: {error.Message}", cancellationToken);
            }

            hook = await run.ReferAsync(hook, arn, cancellationToken);
        }

        var taskArn = hook.Reference!;
        var log = target.LogStream(taskArn);
        var output = $"{taskArn} {log}";
        var (last, timedOut) = await run.PollAsync(hook.StartedAt + migration.Timeout,
            token => tasks.DescribeAsync(target.Cluster, taskArn, target.ContainerName, token),
            state => state.Stopped,
            state => $"migration task {taskArn}: {state.LastStatus}",
            cancellationToken);
        if (timedOut)
        {
            return await FailAsync(hook, HookResult.Timeout, output,
                $"the migration task {taskArn} did not stop within {migration.Timeout} (last status {last.LastStatus}); it may still run, see log stream {log}", cancellationToken);
        }

        if (last.ExitCode == 0)
        {
            await run.FinishAsync(hook, HookNames.PreTraffic, HookResult.Ok, output, $"Migration task {taskArn} exited with 0 (log stream {log})", cancellationToken);
            return null;
        }

        var exit = last.ExitCode is { } code ? $"exited with {code}" : "stopped before its container ran";
        return await FailAsync(hook, HookResult.Failed, output,
            $"the migration task {taskArn} {exit} ({last.StoppedReason ?? "no reason given"}); log stream {log}", cancellationToken);
    }

    private async Task<string> FailAsync(HookRecord hook, HookResult result, string output, string reason, CancellationToken cancellationToken)
    {
        await run.FinishAsync(hook, HookNames.PreTraffic, result, output, $"Rollout {run.Record.Id}: {reason}", cancellationToken);
        return reason;
    }
}
