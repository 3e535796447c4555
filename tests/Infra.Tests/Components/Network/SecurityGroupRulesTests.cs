using Infra.Components.Network;

namespace Infra.Tests.Components.Network;

public sealed class SecurityGroupRulesTests
{
    private static readonly IReadOnlyList<SecurityGroupRule> Rules = SecurityGroupRules.For(
        new SecurityGroupRulesInput(ServesHttps: true, TestListenerPort: 8443, ["10.0.0.0/8", "192.0.2.0/24"], [8080, 9000, 8080], 5432));

    private static IEnumerable<SecurityGroupRule> IngressOf(SecurityGroupRole group) => Rules.Where(r => r.IsIngress && r.Group == group);

    [Fact]
    public void Only_the_load_balancer_accepts_the_internet_and_only_on_443_and_80()
    {
        var open = Rules.Where(r => r.IsIngress && r.Cidr == SecurityGroupRules.Internet).ToList();

        Assert.All(open, r => Assert.Equal(SecurityGroupRole.LoadBalancer, r.Group));
        Assert.Equal([443, 80], open.Select(r => r.Port));
    }

    [Fact]
    public void The_test_port_is_open_only_to_the_configured_cidrs()
    {
        var test = IngressOf(SecurityGroupRole.LoadBalancer).Where(r => r.Port == 8443).ToList();

        Assert.Equal(["10.0.0.0/8", "192.0.2.0/24"], test.Select(r => r.Cidr));
        Assert.Equal(["lb-test-0", "lb-test-1"], test.Select(r => r.Name));
    }

    [Fact]
    public void Tasks_admit_each_container_port_once_and_only_from_the_load_balancer_group()
    {
        var tasks = IngressOf(SecurityGroupRole.Tasks).ToList();

        Assert.Equal([8080, 9000], tasks.Select(r => r.Port));
        Assert.All(tasks, r => Assert.Equal((null, SecurityGroupRole.LoadBalancer), (r.Cidr, r.Peer)));
        Assert.Equal([8080, 9000], Rules.Where(r => !r.IsIngress && r.Group == SecurityGroupRole.LoadBalancer).Select(r => r.Port));
    }

    [Fact]
    public void The_database_admits_only_the_tasks_group_on_the_engine_port()
    {
        var database = Assert.Single(IngressOf(SecurityGroupRole.Database));

        Assert.Equal((5432, (string?)null, SecurityGroupRole.Tasks), (database.Port, database.Cidr, database.Peer));
        Assert.DoesNotContain(Rules, r => !r.IsIngress && r.Group == SecurityGroupRole.Database);
    }

    [Fact]
    public void Without_https_the_load_balancer_opens_only_80_to_the_internet()
    {
        var rules = SecurityGroupRules.For(new SecurityGroupRulesInput(false, 8443, ["10.0.0.0/8"], [8080], 5432));

        Assert.Equal([80], rules.Where(r => r.Cidr == SecurityGroupRules.Internet && r.IsIngress).Select(r => r.Port));
    }
}
