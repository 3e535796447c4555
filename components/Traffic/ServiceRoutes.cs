using Infra.Stacks.Settings;

namespace Infra.Components.Traffic;

/// <summary>
/// How a service is reached on a listener: the default action (no priority) or a rule with a priority and its
/// host/path condition.
/// </summary>
public sealed record ServiceRoute(ServiceSettings Service, int? RulePriority)
{
    public bool IsDefaultAction => RulePriority is null;
}

/// <summary>
/// Routes follow the order of <c>infra:services</c>: the first service is the default action, the n-th (n ≥ 1)
/// gets priority n × 10. Priorities are thus stable while services are appended, and leave room to insert one.
/// </summary>
public static class ServiceRoutes
{
    public const int PriorityStep = 10;

    public static IReadOnlyList<ServiceRoute> For(IReadOnlyList<ServiceSettings> services)
    {
        if (services.Count == 0)
            throw new ArgumentException("at least one service is needed; the first one serves the default action", nameof(services));
        return services.Select((service, index) =>
        {
            if (index == 0) return new ServiceRoute(service, null);
            if (service.Host is null && service.PathPattern is null)
                throw new ArgumentException(
                    $"service {service.Name} needs a host or pathPattern for its listener rule; only the first service ({services[0].Name}) serves the default action",
                    nameof(services));
            return new ServiceRoute(service, index * PriorityStep);
        }).ToList();
    }
}
