namespace Infra.Components.Network;

/// <summary>The three security groups of a stack, chained: internet → load balancer → tasks → database.</summary>
public enum SecurityGroupRole { LoadBalancer, Tasks, Database }

/// <summary>
/// One standalone rule of <paramref name="Group"/>: TCP <paramref name="Port"/> from (ingress) or to (egress) either a
/// CIDR or another of the groups.
/// </summary>
/// <param name="Name">Unique within the network, e.g. <c>tasks-from-lb-8080</c>; becomes part of the resource name.</param>
public sealed record SecurityGroupRule(
    string Name,
    SecurityGroupRole Group,
    bool IsIngress,
    int Port,
    string? Cidr,
    SecurityGroupRole? Peer,
    string Description);

/// <summary>What each group admits and may reach. Only the load balancer accepts traffic from the internet.</summary>
public sealed record SecurityGroupRulesInput(
    bool ServesHttps,
    int TestListenerPort,
    IReadOnlyList<string> TestListenerCidrs,
    IReadOnlyList<int> ContainerPorts,
    int DatabasePort);

public static class SecurityGroupRules
{
    public const string Internet = "0.0.0.0/0";
    private const int Https = 443;
    private const int Http = 80;

    public static IReadOnlyList<SecurityGroupRule> For(SecurityGroupRulesInput input)
    {
        var rules = new List<SecurityGroupRule>();
        if (input.ServesHttps)
            rules.Add(Ingress("lb-https", SecurityGroupRole.LoadBalancer, Https, Internet, "HTTPS from the internet"));
        // Without HTTPS port 80 serves; with it port 80 only redirects. Either way browsers arrive on 80.
        rules.Add(Ingress("lb-http", SecurityGroupRole.LoadBalancer, Http, Internet, "HTTP from the internet"));
        rules.AddRange(input.TestListenerCidrs.Select((cidr, i) =>
            Ingress($"lb-test-{i}", SecurityGroupRole.LoadBalancer, input.TestListenerPort, cidr, $"test listener from {cidr}")));

        foreach (var port in input.ContainerPorts.Distinct().Order())
        {
            rules.Add(Egress($"lb-to-tasks-{port}", SecurityGroupRole.LoadBalancer, port, SecurityGroupRole.Tasks, "to the tasks' container port"));
            rules.Add(Ingress($"tasks-from-lb-{port}", SecurityGroupRole.Tasks, port, SecurityGroupRole.LoadBalancer, "container port from the load balancer"));
        }

        // Tasks reach ECR, Secrets Manager and CloudWatch Logs over HTTPS through the NAT gateways.
        rules.Add(Egress("tasks-to-https", SecurityGroupRole.Tasks, Https, Internet, "HTTPS to AWS APIs and image registries"));
        rules.Add(Egress($"tasks-to-db-{input.DatabasePort}", SecurityGroupRole.Tasks, input.DatabasePort, SecurityGroupRole.Database, "to the database"));
        rules.Add(Ingress($"db-from-tasks-{input.DatabasePort}", SecurityGroupRole.Database, input.DatabasePort, SecurityGroupRole.Tasks, "database port from the tasks"));
        return rules;
    }

    private static SecurityGroupRule Ingress(string name, SecurityGroupRole group, int port, string cidr, string description) =>
        new(name, group, IsIngress: true, port, cidr, Peer: null, description);

    private static SecurityGroupRule Ingress(string name, SecurityGroupRole group, int port, SecurityGroupRole peer, string description) =>
        new(name, group, IsIngress: true, port, Cidr: null, peer, description);

    private static SecurityGroupRule Egress(string name, SecurityGroupRole group, int port, string cidr, string description) =>
        new(name, group, IsIngress: false, port, cidr, Peer: null, description);

    private static SecurityGroupRule Egress(string name, SecurityGroupRole group, int port, SecurityGroupRole peer, string description) =>
        new(name, group, IsIngress: false, port, Cidr: null, peer, description);
}
