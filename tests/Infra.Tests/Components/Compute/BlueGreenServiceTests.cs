using System.Text.Json.Nodes;
using Infra.Components.Compute;
using Infra.Stacks.Settings;
using Infra.Tests.Components.Traffic;
using Infra.Tests.Support;
using Pulumi;

namespace Infra.Tests.Components.Compute;

public sealed class BlueGreenServiceTests
{
    private const string Service = "aws:ecs/service:Service";
    private const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    private const string ScalingTarget = "aws:appautoscaling/target:Target";
    private const string ScalingPolicy = "aws:appautoscaling/policy:Policy";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string Role = "aws:iam/role:Role";
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    // Any resource can stand in for the listener that attaches the target groups.
    private const string StandInRoute = "aws:ec2/securityGroup:SecurityGroup";

    private static Task<ComponentPlan> PlanAsync(string serviceName = "web") =>
        ComponentPlan.RunAsync(() =>
        {
            var route = new Pulumi.Aws.Ec2.SecurityGroup("route");
            _ = new BlueGreenService(serviceName, new BlueGreenServiceArgs
            {
                Settings = TrafficStacks.Production,
                Service = TrafficStacks.Production.Service(serviceName),
                ClusterArn = "arn:cluster",
                ClusterName = "infra-production",
                TargetGroupArns = new ColorPair<Input<string>>("arn:tg-blue", "arn:tg-green"),
                PrivateSubnetIds = new[] { "subnet-priv-a", "subnet-priv-b" },
                TaskSecurityGroupId = "sg-tasks",
                TrafficRoutes = [route],
            });
        }, "production");

    [Fact]
    public async Task Both_colors_run_as_fargate_services_in_private_subnets_without_public_ips()
    {
        var plan = await PlanAsync();

        foreach (var (color, targetGroup) in new[] { ("blue", "arn:tg-blue"), ("green", "arn:tg-green") })
        {
            var service = plan.Inputs(Service, $"web-{color}");
            Assert.Equal(($"infra-production-web-{color}", "arn:cluster", "FARGATE"),
                ((string)service["name"]!, (string)service["cluster"]!, (string)service["launchType"]!));
            var network = service["networkConfiguration"]!;
            Assert.False((bool)network["assignPublicIp"]!);
            Assert.Equal(["subnet-priv-a", "subnet-priv-b"], network["subnets"]!.AsArray().Select(s => (string)s!));
            Assert.Equal(["sg-tasks"], network["securityGroups"]!.AsArray().Select(s => (string)s!));
            var loadBalancer = Assert.Single(service["loadBalancers"]!.AsArray())!;
            Assert.Equal((targetGroup, "web", 8080L),
                ((string)loadBalancer["targetGroupArn"]!, (string)loadBalancer["containerName"]!, (long)loadBalancer["containerPort"]!));
            Assert.Equal(ComponentPlan.Token(TaskDefinition, $"web-{color}-taskdef", "arn"), (string)service["taskDefinition"]!);
        }
    }

    [Fact]
    public async Task Services_roll_back_failed_deployments_propagate_tags_and_leave_desired_count_to_autoscaling()
    {
        var plan = await PlanAsync();

        var blue = plan.Resource(Service, "web-blue");
        var inputs = blue["inputs"]!;
        Assert.True((bool)inputs["deploymentCircuitBreaker"]!["enable"]!);
        Assert.True((bool)inputs["deploymentCircuitBreaker"]!["rollback"]!);
        Assert.Equal("SERVICE", (string)inputs["propagateTags"]!);
        Assert.Equal(["desiredCount"], blue["ignoreChanges"]!.AsArray().Select(c => (string)c!));
        Assert.Equal([plan.Urn(StandInRoute, "route")], blue["dependsOn"]!.AsArray().Select(d => (string)d!));
        Assert.Equal((3L, 0L), ((long)inputs["desiredCount"]!, (long)plan.Inputs(Service, "web-green")["desiredCount"]!));
    }

    [Fact]
    public async Task Task_definitions_carry_the_size_architecture_roles_and_container_of_their_color()
    {
        var plan = await PlanAsync();

        var green = plan.Inputs(TaskDefinition, "web-green-taskdef");
        Assert.Equal(("infra-production-web-green", "1024", "2048", "awsvpc"),
            ((string)green["family"]!, (string)green["cpu"]!, (string)green["memory"]!, (string)green["networkMode"]!));
        Assert.Equal(["FARGATE"], green["requiresCompatibilities"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(("ARM64", "LINUX"), ((string)green["runtimePlatform"]!["cpuArchitecture"]!, (string)green["runtimePlatform"]!["operatingSystemFamily"]!));
        Assert.Equal(ComponentPlan.Token(Role, "web-execution-role", "arn"), (string)green["executionRoleArn"]!);
        Assert.Equal(ComponentPlan.Token(Role, "web-task-role", "arn"), (string)green["taskRoleArn"]!);
        var container = JsonNode.Parse((string)green["containerDefinitions"]!)![0]!;
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.5.0", (string)container["image"]!);
    }

    [Fact]
    public async Task Each_color_scales_on_cpu_within_its_capacity()
    {
        var plan = await PlanAsync();

        var blue = plan.Inputs(ScalingTarget, "web-blue-scaling");
        Assert.Equal(("service/infra-production/infra-production-web-blue", "ecs:service:DesiredCount", "ecs"),
            ((string)blue["resourceId"]!, (string)blue["scalableDimension"]!, (string)blue["serviceNamespace"]!));
        Assert.Equal((3L, 12L), ((long)blue["minCapacity"]!, (long)blue["maxCapacity"]!));
        var green = plan.Inputs(ScalingTarget, "web-green-scaling");
        Assert.Equal((0L, 0L), ((long)green["minCapacity"]!, (long)green["maxCapacity"]!));
        var policy = plan.Inputs(ScalingPolicy, "web-blue-cpu-scaling");
        Assert.Equal("TargetTrackingScaling", (string)policy["policyType"]!);
        var tracking = policy["targetTrackingScalingPolicyConfiguration"]!;
        Assert.Equal(60d, (double)tracking["targetValue"]!);
        Assert.Equal("ECSServiceAverageCPUUtilization", (string)tracking["predefinedMetricSpecification"]!["predefinedMetricType"]!);
    }

    [Fact]
    public async Task The_execution_role_reads_only_the_services_secrets_and_writes_only_its_log_group()
    {
        var plan = await PlanAsync("api");

        var policy = plan.Inputs(RolePolicy, "api-execution-policy");
        Assert.Equal(ComponentPlan.Token(Role, "api-execution-role", "id"), (string)policy["role"]!);
        var statements = JsonNode.Parse((string)policy["policy"]!)!["Statement"]!.AsArray();
        var secrets = statements.Single(s => (string)s!["Sid"]! == "ReadSecrets")!;
        Assert.Equal(["arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/api/db-R4t5Y6"], secrets["Resource"]!.AsArray().Select(r => (string)r!));
        var logs = statements.Single(s => (string)s!["Sid"]! == "WriteLogs")!;
        Assert.Equal([ComponentPlan.Token(LogGroup, "api-logs", "arn") + ":*"], logs["Resource"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(("/ecs/infra-production/api", 90L),
            ((string)plan.Inputs(LogGroup, "api-logs")["name"]!, (long)plan.Inputs(LogGroup, "api-logs")["retentionInDays"]!));
    }

    [Fact]
    public async Task The_task_role_has_no_permissions_and_both_roles_trust_only_ecs_tasks()
    {
        var plan = await PlanAsync();

        Assert.Equal(["web-execution-policy"], plan.OfType(RolePolicy).Select(p => (string)p["name"]!));
        Assert.Empty(plan.OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"));
        var trust = JsonNode.Parse((string)plan.Inputs(Role, "web-task-role")["assumeRolePolicy"]!)!;
        Assert.Equal("ecs-tasks.amazonaws.com", (string)trust["Statement"]![0]!["Principal"]!["Service"]!);
    }

    [Fact]
    public async Task The_cluster_has_container_insights_on_and_the_stacks_name()
    {
        var plan = await ComponentPlan.RunAsync(() => new ServiceCluster("ecs", TrafficStacks.Production), "production");

        var cluster = plan.Inputs("aws:ecs/cluster:Cluster", "ecs-cluster");
        Assert.Equal("infra-production", (string)cluster["name"]!);
        var setting = Assert.Single(cluster["settings"]!.AsArray())!;
        Assert.Equal(("containerInsights", "enabled"), ((string)setting["name"]!, (string)setting["value"]!));
    }
}
