namespace Infra.Runner.Rollout;

/// <summary>
/// What runs the migration: a task definition's container with a command, in a cluster's private subnets.
/// <see cref="ClientToken"/> makes RunTask idempotent: ECS answers a repeated call with the same token and parameters
/// with the task the first call started, so a runner killed before it stored the task's ARN starts no second one.
/// </summary>
public sealed record MigrationTaskRequest(
    string Cluster, string TaskDefinitionArn, string ContainerName, IReadOnlyList<string> Command,
    IReadOnlyList<string> SubnetIds, string SecurityGroupId, string StartedBy, string ClientToken)
{
    /// <summary>ECS takes up to 64 ASCII characters from 33 to 126 as a RunTask client token.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>The rollout's token: <c>migration-&lt;rollout id&gt;</c>, any character ECS refuses as '-', cut to 64.</summary>
    public static string TokenFor(string rolloutId)
    {
        var token = new string($"migration-{rolloutId}".Select(c => c is >= '!' and <= '~' ? c : '-').ToArray());
        return token.Length > MaxTokenLength ? token[..MaxTokenLength] : token;
    }
}

/// <summary>
/// A task as ECS describes it: <see cref="LastStatus"/> (PROVISIONING … RUNNING … STOPPED), the container's exit code
/// once it stopped (null when it never ran), and why ECS stopped the task.
/// </summary>
public sealed record MigrationTaskState(string TaskArn, string LastStatus, int? ExitCode, string? StoppedReason)
{
    public bool Stopped => LastStatus == "STOPPED";
}

/// <summary>One-off ECS tasks (RunTask, DescribeTasks).</summary>
public interface IMigrationTasks
{
    /// <summary>
    /// Starts the task and returns its ARN (the first call's task again for a repeated client token); throws with
    /// ECS's reason when it could not be placed, or when the token was used with other parameters.
    /// </summary>
    Task<string> StartAsync(MigrationTaskRequest request, CancellationToken cancellationToken);

    /// <summary>The task's state with <paramref name="containerName"/>'s exit code; a task ECS no longer knows throws with ECS's reason.</summary>
    Task<MigrationTaskState> DescribeAsync(string cluster, string taskArn, string containerName, CancellationToken cancellationToken);
}
