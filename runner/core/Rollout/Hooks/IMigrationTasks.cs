namespace Infra.Runner.Rollout;

/// <summary>What runs the migration: a task definition's container with a command, in a cluster's private subnets.</summary>
public sealed record MigrationTaskRequest(
    string Cluster, string TaskDefinitionArn, string ContainerName, IReadOnlyList<string> Command,
    IReadOnlyList<string> SubnetIds, string SecurityGroupId, string StartedBy);

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
    /// <summary>Starts the task and returns its ARN; throws with ECS's reason when it could not be placed.</summary>
    Task<string> StartAsync(MigrationTaskRequest request, CancellationToken cancellationToken);

    /// <summary>The task's state with <paramref name="containerName"/>'s exit code; a task ECS no longer knows throws with ECS's reason.</summary>
    Task<MigrationTaskState> DescribeAsync(string cluster, string taskArn, string containerName, CancellationToken cancellationToken);
}
