using Amazon.ECS;
using Amazon.ECS.Model;
using Infra.Runner.Rollout;
// Amazon.ECS.Model declares a Task (an ECS task) too.
using Task = System.Threading.Tasks.Task;

namespace Infra.Runner.Adapters.Hooks;

/// <summary>
/// The migration task over ECS: RunTask on Fargate in the given private subnets (no public address) with the
/// container's command overridden, and DescribeTasks. ECS answers a task it cannot place, or a task it does not know,
/// with a failure in an HTTP 200 answer: both are errors here. RunTask carries the request's client token, so a call
/// repeated after a lost answer (or by a resumed runner) gets the same task back. Every call is bounded by <paramref name="callLimit"/>.
/// </summary>
public sealed class EcsMigrationTasks(AmazonECSClient client, SdkCallLimit callLimit) : IMigrationTasks
{
    public async Task<string> StartAsync(MigrationTaskRequest request, CancellationToken cancellationToken)
    {
        var response = await callLimit.RunAsync(t => client.RunTaskAsync(new RunTaskRequest
        {
            Cluster = request.Cluster,
            TaskDefinition = request.TaskDefinitionArn,
            LaunchType = LaunchType.FARGATE,
            StartedBy = request.StartedBy,
            ClientToken = request.ClientToken,
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration
                {
                    Subnets = [.. request.SubnetIds],
                    SecurityGroups = [request.SecurityGroupId],
                    AssignPublicIp = AssignPublicIp.DISABLED,
                },
            },
            Overrides = new TaskOverride
            {
                ContainerOverrides = [new ContainerOverride { Name = request.ContainerName, Command = [.. request.Command] }],
            },
        }, t), cancellationToken);
        return response.Tasks?.FirstOrDefault()?.TaskArn
            ?? throw new InvalidOperationException($"ECS did not start the task: {Describe(response.Failures)}");
    }

    public async Task<MigrationTaskState> DescribeAsync(string cluster, string taskArn, string containerName, CancellationToken cancellationToken)
    {
        var response = await callLimit.RunAsync(
            t => client.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [taskArn] }, t), cancellationToken);
        var task = response.Tasks?.FirstOrDefault(t => t.TaskArn == taskArn)
            ?? throw new InvalidOperationException($"ECS does not know task {taskArn}: {Describe(response.Failures)}");
        var container = task.Containers?.FirstOrDefault(c => c.Name == containerName);
        return new MigrationTaskState(taskArn, task.LastStatus ?? "UNKNOWN", container?.ExitCode,
            task.StoppedReason is null && container?.Reason is null ? null : string.Join("; ", new[] { task.StoppedReason, container?.Reason }.OfType<string>()));
    }

    private static string Describe(List<Failure>? failures) =>
        failures is { Count: > 0 } ? string.Join(", ", failures.Select(f => $"{f.Arn}: {f.Reason}")) : "no reason given";
}
