using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Vpc;

namespace Infra.Components.Network;

/// <summary>
/// Declares the load balancer, tasks and database groups and their <see cref="SecurityGroupRules"/> as standalone
/// rule resources, so one rule can change without replacing a group.
/// </summary>
internal static class NetworkSecurityGroups
{
    private static readonly Dictionary<SecurityGroupRole, (string Suffix, string Description)> Groups = new()
    {
        [SecurityGroupRole.LoadBalancer] = ("lb-sg", "load balancer: HTTP(S) from the internet, test port from configured CIDRs"),
        [SecurityGroupRole.Tasks] = ("tasks-sg", "ECS tasks: container ports from the load balancer only"),
        [SecurityGroupRole.Database] = ("db-sg", "database: engine port from the tasks only"),
    };

    public static IReadOnlyDictionary<SecurityGroupRole, SecurityGroup> Declare(
        Resource parent, string name, StackSettings settings, Output<string> vpcId, int databasePort)
    {
        var groups = Groups.ToDictionary(g => g.Key, g => new SecurityGroup($"{name}-{g.Value.Suffix}", new SecurityGroupArgs
        {
            VpcId = vpcId,
            Description = g.Value.Description,
            Tags = StackConventions.Tags(settings, $"{name}-{g.Value.Suffix}"),
        }, new CustomResourceOptions { Parent = parent }));

        var rules = SecurityGroupRules.For(new SecurityGroupRulesInput(
            settings.LoadBalancer.ServesHttps,
            settings.LoadBalancer.TestListenerPort,
            settings.LoadBalancer.TestListenerCidrs,
            settings.Services.Select(s => s.ContainerPort).ToList(),
            databasePort));
        foreach (var rule in rules) DeclareRule(parent, name, settings, groups, rule);
        return groups;
    }

    private static void DeclareRule(Resource parent, string name, StackSettings settings,
        IReadOnlyDictionary<SecurityGroupRole, SecurityGroup> groups, SecurityGroupRule rule)
    {
        var ruleName = $"{name}-{rule.Name}";
        var options = new CustomResourceOptions { Parent = parent };
        Input<string>? peer = rule.Peer is { } role ? (Input<string>)groups[role].Id : null;
        Input<string>? cidr = rule.Cidr is { } block ? (Input<string>)block : null;
        if (rule.IsIngress)
        {
            _ = new SecurityGroupIngressRule(ruleName, new SecurityGroupIngressRuleArgs
            {
                SecurityGroupId = groups[rule.Group].Id,
                IpProtocol = "tcp",
                FromPort = rule.Port,
                ToPort = rule.Port,
                CidrIpv4 = cidr,
                ReferencedSecurityGroupId = peer,
                Description = rule.Description,
                Tags = StackConventions.Tags(settings, ruleName),
            }, options);
        }
        else
        {
            _ = new SecurityGroupEgressRule(ruleName, new SecurityGroupEgressRuleArgs
            {
                SecurityGroupId = groups[rule.Group].Id,
                IpProtocol = "tcp",
                FromPort = rule.Port,
                ToPort = rule.Port,
                CidrIpv4 = cidr,
                ReferencedSecurityGroupId = peer,
                Description = rule.Description,
                Tags = StackConventions.Tags(settings, ruleName),
            }, options);
        }
    }
}
