using Infra.Components.Traffic;

namespace Infra.Tests.Components.Traffic;

public sealed class ServiceRoutesTests
{
    [Fact]
    public void The_first_service_is_the_default_action_and_the_others_get_priorities_by_position()
    {
        var web = TrafficStacks.Production.Service("web");
        var api = TrafficStacks.Production.Service("api");
        var admin = api with { Name = "admin", Host = null, PathPattern = "/admin/*" };

        var routes = ServiceRoutes.For([web, api, admin]);

        Assert.Equal([(string?)null, "10", "20"], routes.Select(r => r.RulePriority?.ToString()));
        Assert.True(routes[0].IsDefaultAction);
    }

    [Fact]
    public void A_later_service_without_host_or_path_is_refused()
    {
        var web = TrafficStacks.Production.Service("web");
        var api = TrafficStacks.Production.Service("api") with { Host = null };

        var error = Assert.Throws<ArgumentException>(() => ServiceRoutes.For([web, api]));

        Assert.Equal(
            "service api needs a host or pathPattern for its listener rule; only the first service (web) serves the default action (Parameter 'services')",
            error.Message);
    }
}
