namespace Infra.Runner.Rollout;

/// <summary>Where a one-off task runs: the stack's ECS cluster, its private subnets and the tasks' security group (the <c>tasks</c> output).</summary>
public sealed record TaskNetwork(string Cluster, IReadOnlyList<string> SubnetIds, string SecurityGroupId);

/// <summary>The migration task of one service's new color, from the stack outputs.</summary>
internal sealed record MigrationTarget(string Cluster, string TaskDefinitionArn, string ContainerName, TaskNetwork Network, string LogGroup, string StreamPrefix)
{
    public MigrationTaskRequest Request(IReadOnlyList<string> command, string rolloutId) =>
        new(Cluster, TaskDefinitionArn, ContainerName, command, Network.SubnetIds, Network.SecurityGroupId, rolloutId, MigrationTaskRequest.TokenFor(rolloutId));

    /// <summary>The awslogs driver names a task's stream <c>prefix/container/task-id</c>.</summary>
    public string LogStream(string taskArn) => $"{LogGroup}:{StreamPrefix}/{ContainerName}/{taskArn[(taskArn.LastIndexOf('/') + 1)..]}";
}

/// <summary>The outputs the hooks need, refused before anything changes when the stack does not export them.</summary>
public static class HookOutputs
{
    /// <param name="drPromoted">The ledger's drPromoted: the snapshot is then taken of the promoted DR database.</param>
    public static void Require(StackOutputs outputs, ReleaseHooks hooks, IReadOnlyList<RolloutServiceRecord> services, bool drPromoted)
    {
        var missing = new List<string>();
        if (hooks.Snapshot && Database(outputs, drPromoted) is null)
        {
            missing.Add(drPromoted ? "database.replica.identifier, database.replica.region (the promoted DR database)" : "database.primary.identifier");
        }

        if (hooks.Migration is { } migration && services.FirstOrDefault(s => s.Name == migration.Service) is { } service)
        {
            var deployed = outputs.For(service.Name);
            if (outputs.TaskNetwork is null) missing.Add("tasks");
            if (deployed.Of(service.ToColor).TaskDefinitionArn is null) missing.Add($"services.{service.Name}.{service.ToColor.ConfigName()}.taskDefinitionArn");
            if (deployed.ContainerName is null) missing.Add($"services.{service.Name}.containerName");
            if (deployed.LogGroupName is null) missing.Add($"services.{service.Name}.logGroupName");
        }

        if (missing.Count > 0)
        {
            throw new RolloutInputException(
                $"the stack outputs lack {string.Join(", ", missing)}, which the release hooks need; run pulumi up with this version of the program first");
        }
    }

    /// <summary>
    /// The database release snapshots are taken of: the primary, or while the ledger says drPromoted the promoted DR
    /// database, whose identifier the stack exports as its replica's; null when the stack does not export it.
    /// </summary>
    public static SnapshotDatabase? Database(StackOutputs outputs, bool drPromoted) => drPromoted
        ? outputs is { ReplicaDatabaseId: { } id, ReplicaDatabaseRegion: { } region } ? new SnapshotDatabase(id, region) : null
        : outputs.PrimaryDatabaseId is { } primary ? new SnapshotDatabase(primary) : null;

    internal static MigrationTarget Migration(StackOutputs outputs, RolloutServiceRecord service)
    {
        var deployed = outputs.For(service.Name);
        return new MigrationTarget(outputs.TaskNetwork!.Cluster, deployed.Of(service.ToColor).TaskDefinitionArn!, deployed.ContainerName!,
            outputs.TaskNetwork, deployed.LogGroupName!, service.ToColor.ConfigName());
    }
}
