using System.Collections.Immutable;
using Infra.Components.Network;
using Pulumi;

namespace Infra;

/// <summary>
/// The <c>tasks</c> stack output: where the runner starts one-off tasks (a release's migration), as the services run:
/// <c>clusterName</c>, <c>subnetIds</c> (the private subnets) and <c>securityGroupId</c> (the tasks' security group).
/// </summary>
public static class TasksOutputEntry
{
    public static Output<ImmutableDictionary<string, object>> For(ServingTier primary, Network network) =>
        Output.Tuple(primary.Cluster.Name, network.PrivateSubnetIds, network.TaskSecurityGroupId)
            .Apply(values => ImmutableDictionary<string, object>.Empty
                .Add("clusterName", values.Item1)
                .Add("subnetIds", values.Item2)
                .Add("securityGroupId", values.Item3));
}
