using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>What a release's migration task needs from the stack outputs: where it runs, what it runs, where it logs.</summary>
public sealed class TasksOutputTests
{
    [Fact]
    public async Task The_stack_exports_where_one_off_tasks_run_and_each_color_s_task_definition_container_and_log_group()
    {
        var plan = await ComponentPlan.OfStackFileAsync(RepoPaths.StackFile("production"));

        var tasks = plan.Outputs["tasks"]!;
        Assert.Equal("infra-production", (string)tasks["clusterName"]!);
        Assert.Equal(ComponentPlan.Token("aws:ec2/subnet:Subnet", "net-private-a", "id"), (string)tasks["subnetIds"]![0]!);
        Assert.Equal(3, tasks["subnetIds"]!.AsArray().Count);
        Assert.Equal(ComponentPlan.Token("aws:ec2/securityGroup:SecurityGroup", "net-tasks-sg", "id"), (string)tasks["securityGroupId"]!);
        var api = plan.Outputs["services"]!["api"]!;
        Assert.Equal("api", (string)api["containerName"]!);
        Assert.Equal("/ecs/infra-production/api", (string)api["logGroupName"]!);
        Assert.Equal(ComponentPlan.Token("aws:ecs/taskDefinition:TaskDefinition", "api-green-taskdef", "arn"), (string)api["green"]!["taskDefinitionArn"]!);
    }
}
