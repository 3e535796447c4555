using Infra.Components.Conventions;
using Infra.Components.Iam;
using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.AppAutoScaling;
using Pulumi.Aws.AppAutoScaling.Inputs;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ecs;
using Pulumi.Aws.Ecs.Inputs;
using Pulumi.Aws.Iam;
// The real Pulumi.Aws.Iam declares a Policy too: the scaling policy is named by alias so the real build is unambiguous.
using Policy = Pulumi.Aws.AppAutoScaling.Policy;
using PolicyArgs = Pulumi.Aws.AppAutoScaling.PolicyArgs;

namespace Infra.Components.Compute;

/// <summary>
/// One service as two Fargate services, blue and green, each with its own task definition, target group and CPU
/// autoscaling; one log group, one execution role and one task role shared by both colors.
/// </summary>
public sealed class BlueGreenService : ComponentResource
{
    public const string TypeToken = "infra:compute:BlueGreenService";
    private const string CpuMetric = "ECSServiceAverageCPUUtilization";

    /// <summary>Physical ECS service names per color, e.g. <c>infra-production-web-blue</c>.</summary>
    public ColorPair<string> ServiceNames { get; }
    public ColorPair<Service> Services { get; }
    public ColorPair<TaskDefinition> TaskDefinitions { get; }
    public ColorPair<Target> ScalingTargets { get; }
    public Output<string> LogGroupName { get; }
    public Output<string> ExecutionRoleArn { get; }
    public Output<string> TaskRoleArn { get; }
    /// <summary>The task role's name, for policies other components grant the application (e.g. reading its feature flags).</summary>
    public Output<string> TaskRoleName { get; }

    public BlueGreenService(string name, BlueGreenServiceArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var settings = args.Settings;
        var service = args.Service;
        var naming = StackConventions.Naming(settings);
        var logGroupName = $"/ecs/{naming.Prefix}/{service.Name}";

        var logGroup = new LogGroup($"{name}-logs", new LogGroupArgs
        {
            Name = logGroupName,
            RetentionInDays = service.LogRetentionDays,
            KmsKeyId = args.LogsKmsKeyArn,
            Tags = StackConventions.Tags(settings, $"{name}-logs"),
        }, Child());
        LogGroupName = logGroup.Name;
        var executionRole = DeclareExecutionRole(name, settings, service, logGroup);
        // The application's own AWS permissions: none until settings can grant some.
        var taskRole = DeclareRole($"{name}-task-role", settings);
        ExecutionRoleArn = executionRole.Arn;
        TaskRoleArn = taskRole.Arn;
        TaskRoleName = taskRole.Name;

        ServiceNames = new ColorPair<string>(naming.Resource(service.Name, "blue"), naming.Resource(service.Name, "green"));
        TaskDefinitions = Pair(color => new TaskDefinition($"{name}-{color.ToConfigName()}-taskdef", new TaskDefinitionArgs
        {
            Family = ServiceNames[color],
            Cpu = service.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Memory = service.Memory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NetworkMode = "awsvpc",
            RequiresCompatibilities = { "FARGATE" },
            RuntimePlatform = new TaskDefinitionRuntimePlatformArgs
            {
                CpuArchitecture = service.Architecture == CpuArchitecture.Arm64 ? "ARM64" : "X86_64",
                OperatingSystemFamily = "LINUX",
            },
            ContainerDefinitions = args.DatabaseAddress is { } database
                ? database.Apply(host => ContainerDefinitions.Json(service, color, logGroupName, args.EffectiveRegion, host))
                : ContainerDefinitions.Json(service, color, logGroupName, args.EffectiveRegion),
            ExecutionRoleArn = executionRole.Arn,
            TaskRoleArn = taskRole.Arn,
            Tags = StackConventions.Tags(settings, ServiceNames[color]),
        }, Child()));
        Services = Pair(color => DeclareService(name, args, color));
        ScalingTargets = Pair(color => DeclareAutoscaling(name, args, color));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["blueServiceName"] = ServiceNames.Blue,
            ["greenServiceName"] = ServiceNames.Green,
            ["logGroupName"] = LogGroupName,
            ["executionRoleArn"] = ExecutionRoleArn,
            ["taskRoleArn"] = TaskRoleArn,
        });
    }

    private Service DeclareService(string name, BlueGreenServiceArgs args, Color color)
    {
        var options = Child();
        // Autoscaling owns the running count once the service exists; the scalable target's bounds move it.
        options.IgnoreChanges.Add("desiredCount");
        options.DependsOn = args.TrafficRoutes.ToList();
        return new Service($"{name}-{color.ToConfigName()}", new ServiceArgs
        {
            Name = ServiceNames[color],
            Cluster = args.ClusterArn,
            TaskDefinition = TaskDefinitions[color].Arn,
            LaunchType = "FARGATE",
            DesiredCount = ColorCapacity.For(args.Service, color).DesiredCount,
            DeploymentCircuitBreaker = new ServiceDeploymentCircuitBreakerArgs { Enable = true, Rollback = true },
            // An update returns only once the new tasks are healthy (or the circuit breaker rolled them back), so the
            // runner smoke-tests a color that is really running its new image.
            WaitForSteadyState = true,
            NetworkConfiguration = new ServiceNetworkConfigurationArgs
            {
                Subnets = args.PrivateSubnetIds,
                SecurityGroups = { args.TaskSecurityGroupId },
                AssignPublicIp = false,
            },
            LoadBalancers =
            {
                new ServiceLoadBalancerArgs
                {
                    TargetGroupArn = args.TargetGroupArns[color],
                    ContainerName = args.Service.Name,
                    ContainerPort = args.Service.ContainerPort,
                },
            },
            HealthCheckGracePeriodSeconds = ContainerDefinitions.HealthCheckStartPeriodSeconds,
            PropagateTags = "SERVICE",
            EnableEcsManagedTags = true,
            Tags = StackConventions.Tags(args.Settings, ServiceNames[color]),
        }, options);
    }

    private Target DeclareAutoscaling(string name, BlueGreenServiceArgs args, Color color)
    {
        var capacity = ColorCapacity.For(args.Service, color);
        var targetName = $"{name}-{color.ToConfigName()}-scaling";
        var target = new Target(targetName, new TargetArgs
        {
            ServiceNamespace = "ecs",
            ScalableDimension = "ecs:service:DesiredCount",
            ResourceId = Output.Format($"service/{args.ClusterName}/{Services[color].Name}"),
            MinCapacity = capacity.MinCapacity,
            MaxCapacity = capacity.MaxCapacity,
            Tags = StackConventions.Tags(args.Settings, targetName),
        }, Child());
        _ = new Policy($"{name}-{color.ToConfigName()}-cpu-scaling", new PolicyArgs
        {
            Name = $"{ServiceNames[color]}-cpu",
            PolicyType = "TargetTrackingScaling",
            ServiceNamespace = target.ServiceNamespace,
            ScalableDimension = target.ScalableDimension,
            ResourceId = target.ResourceId,
            TargetTrackingScalingPolicyConfiguration = new PolicyTargetTrackingScalingPolicyConfigurationArgs
            {
                TargetValue = args.Service.Autoscaling.CpuTargetPercent,
                PredefinedMetricSpecification = new PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
                {
                    PredefinedMetricType = CpuMetric,
                },
            },
        }, Child());
        return target;
    }

    private Role DeclareExecutionRole(string name, StackSettings settings, ServiceSettings service, LogGroup logGroup)
    {
        var role = DeclareRole($"{name}-execution-role", settings);
        var images = Enum.GetValues<Color>().Select(color => ContainerDefinitions.ImageFor(service, color)).ToList();
        _ = new RolePolicy($"{name}-execution-policy", new RolePolicyArgs
        {
            Role = role.Id,
            Policy = logGroup.Arn.Apply(arn => TaskExecutionPolicy.For(images, arn, service.Secrets.Values).ToJson()),
        }, Child());
        return role;
    }

    private Role DeclareRole(string roleName, StackSettings settings) =>
        new(roleName, new RoleArgs
        {
            AssumeRolePolicy = PolicyDocument.TrustPolicyFor("ecs-tasks.amazonaws.com"),
            Tags = StackConventions.Tags(settings, roleName),
        }, Child());

    private static ColorPair<T> Pair<T>(Func<Color, T> create) => new(create(Color.Blue), create(Color.Green));

    private CustomResourceOptions Child() => new() { Parent = this };
}
