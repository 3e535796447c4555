using System.Text.Json.Nodes;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;

namespace Runner.Tests.Adapters;

/// <summary>The stack outputs the release hooks read: optional to read, named when a hook needs one that is missing.</summary>
public class HookOutputsReaderTests
{
    private static JsonObject WithHookOutputs()
    {
        var json = StackOutputsReaderTests.Outputs("web");
        var web = json["services"]!["web"]!.AsObject();
        web["containerName"] = "web";
        web["logGroupName"] = "/ecs/infra-staging/web";
        web["green"]!.AsObject()["taskDefinitionArn"] = "arn:aws:ecs:eu-west-1:1:task-definition/infra-staging-web-green:4";
        json["tasks"] = new JsonObject { ["clusterName"] = "infra-staging", ["subnetIds"] = new JsonArray("subnet-a", "subnet-b"), ["securityGroupId"] = "sg-tasks" };
        json["database"] = new JsonObject
        {
            ["primary"] = new JsonObject { ["identifier"] = "infra-staging-db", ["region"] = "eu-west-1" },
            ["replica"] = new JsonObject { ["identifier"] = "infra-staging-db-dr", ["region"] = "eu-central-1" },
        };
        return json;
    }

    [Fact]
    public void Reads_the_primary_and_DR_databases_the_task_network_and_each_color_s_task_definition()
    {
        var outputs = StackOutputsReader.Read(WithHookOutputs());

        Assert.Equal("infra-staging-db", outputs.PrimaryDatabaseId);
        Assert.Equal(("infra-staging-db-dr", "eu-central-1"), (outputs.ReplicaDatabaseId, outputs.ReplicaDatabaseRegion));
        Assert.Equal(new SnapshotDatabase("infra-staging-db"), HookOutputs.Database(outputs, drPromoted: false));
        Assert.Equal(new SnapshotDatabase("infra-staging-db-dr", "eu-central-1"), HookOutputs.Database(outputs, drPromoted: true));
        Assert.Equal(("infra-staging", "sg-tasks"), (outputs.TaskNetwork!.Cluster, outputs.TaskNetwork.SecurityGroupId));
        Assert.Equal(["subnet-a", "subnet-b"], outputs.TaskNetwork.SubnetIds);
        var web = outputs.For("web");
        Assert.Equal(("web", "/ecs/infra-staging/web"), (web.ContainerName, web.LogGroupName));
        Assert.Equal("arn:aws:ecs:eu-west-1:1:task-definition/infra-staging-web-green:4", web.Green.TaskDefinitionArn);
        Assert.Null(web.Blue.TaskDefinitionArn);
    }

    [Fact]
    public void A_stack_updated_before_the_hooks_reads_and_a_release_with_hooks_names_every_missing_output()
    {
        var outputs = StackOutputsReader.Read(StackOutputsReaderTests.Outputs("web"));
        var hooks = new ReleaseHooks(true, 10, new MigrationHook("web", ["./migrate"], TimeSpan.FromMinutes(5)));

        var error = Assert.Throws<RolloutInputException>(() =>
            HookOutputs.Require(outputs, hooks, [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], drPromoted: false));

        Assert.Equal(
            "the stack outputs lack database.primary.identifier, tasks, services.web.green.taskDefinitionArn, services.web.containerName, services.web.logGroupName, " +
            "which the release hooks need; run pulumi up with this version of the program first",
            error.Message);
    }

    [Fact]
    public void A_tasks_output_without_its_cluster_names_its_path()
    {
        var json = WithHookOutputs();
        json["tasks"]!.AsObject().Remove("clusterName");

        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(json));

        Assert.Equal("the stack output tasks.clusterName is missing or of the wrong type; is the stack up to date with the program?", error.Message);
    }
}
