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

    [Fact]
    public void Preview_rules_sit_just_before_their_services_rule_and_the_default_services_preview_rule_is_last()
    {
        var routes = ServiceRoutes.For(ThreeServices());

        Assert.Equal([50000, 5, 15], routes.Select(r => r.PreviewRulePriority));
        Assert.Equal([(int?)null, 10, 20], routes.Select(r => r.RulePriority));
    }

    /// <summary>
    /// Evaluates the rules as an ALB does (lowest priority first, first match wins, else the default action): with the
    /// header a request reaches the same service as without it, on its idle color.
    /// </summary>
    [Theory]
    [InlineData("www.example.com", "/", "web")]
    [InlineData("api.example.com", "/v1/orders", "api")]
    [InlineData("api.example.com", "/admin/users", "api")]
    [InlineData("www.example.com", "/admin/users", "admin")]
    public void A_request_with_the_header_reaches_the_idle_color_of_the_service_it_would_reach_without(string host, string path, string service)
    {
        var routes = ServiceRoutes.For(ThreeServices());

        Assert.Equal((service, "live"), Evaluate(routes, host, path, withHeader: false));
        Assert.Equal((service, "idle"), Evaluate(routes, host, path, withHeader: true));
    }

    private static List<Infra.Stacks.Settings.ServiceSettings> ThreeServices()
    {
        var web = TrafficStacks.Production.Service("web");
        var api = TrafficStacks.Production.Service("api");
        return [web, api, api with { Name = "admin", Host = null, PathPattern = "/admin/*" }];
    }

    private static (string Service, string Color) Evaluate(IReadOnlyList<ServiceRoute> routes, string host, string path, bool withHeader)
    {
        var rules = routes
            .Where(r => !r.IsDefaultAction).Select(r => (Priority: r.RulePriority!.Value, Route: r, Preview: false))
            .Concat(routes.Select(r => (Priority: r.PreviewRulePriority, Route: r, Preview: true)))
            .OrderBy(r => r.Priority);
        foreach (var (_, route, preview) in rules)
        {
            var service = route.Service;
            var matches = (service.Host is null || service.Host == host)
                && (service.PathPattern is null || path.StartsWith(service.PathPattern.TrimEnd('*'), StringComparison.Ordinal))
                && (!preview || withHeader);
            if (matches) return (service.Name, preview ? "idle" : "live");
        }
        return (routes[0].Service.Name, "live");
    }
}
