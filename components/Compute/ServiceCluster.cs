using Infra.Components.Conventions;
using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Ecs;
using Pulumi.Aws.Ecs.Inputs;

namespace Infra.Components.Compute;

/// <summary>The ECS cluster all of a stack's services run in, with Container Insights on.</summary>
public sealed class ServiceCluster : ComponentResource
{
    public const string TypeToken = "infra:compute:ServiceCluster";

    public Output<string> Arn { get; }
    /// <summary><c>&lt;project&gt;-&lt;stack&gt;</c>: operators and alarms find the cluster by this name.</summary>
    public Output<string> Name { get; }

    public ServiceCluster(string name, StackSettings settings, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var clusterName = StackConventions.Naming(settings).Prefix;
        var cluster = new Cluster($"{name}-cluster", new ClusterArgs
        {
            Name = clusterName,
            Settings = { new ClusterSettingArgs { Name = "containerInsights", Value = "enabled" } },
            Tags = StackConventions.Tags(settings, clusterName),
        }, new CustomResourceOptions { Parent = this });
        Arn = cluster.Arn;
        Name = cluster.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["arn"] = Arn, ["name"] = Name });
    }
}
