using Infra.Stacks.Settings;

namespace Infra.Components.Traffic;

/// <summary>
/// How a service is reached on a listener: the default action (no priority) or a rule with a priority and its
/// host/path condition; and the priority of its preview rule on the production listener (see <see cref="ServiceRoutes"/>).
/// </summary>
public sealed record ServiceRoute(ServiceSettings Service, int? RulePriority)
{
    public bool IsDefaultAction => RulePriority is null;

    /// <summary>The rule that sends requests with the preview header to the idle color.</summary>
    public int PreviewRulePriority => RulePriority is { } priority
        ? priority - ServiceRoutes.PreviewOffset
        : ServiceRoutes.LastPriority;
}

/// <summary>
/// Routes follow the order of <c>infra:services</c>: the first service is the default action, the n-th (n ≥ 1)
/// gets priority n × 10. Priorities are thus stable while services are appended, and leave room to insert one.
/// <para>
/// Preview rules (header condition, idle color at 100%) on the production listener: the n-th service's comes just
/// before its own rule, at n × 10 − 5, so a request with the header meets the rules in the same order as one without
/// and reaches the same service. The first service's preview rule has no host or path condition, so it must not
/// catch another service's requests: it takes the last priority the load balancer allows, after every other rule.
/// Evaluation order: preview 5, rule 10, preview 15, rule 20, ..., first service's preview 50000, default action.
/// </para>
/// </summary>
public static class ServiceRoutes
{
    public const int PriorityStep = 10;

    /// <summary>How far a preview rule sits before its service's rule.</summary>
    public const int PreviewOffset = 5;

    /// <summary>The highest listener rule priority an application load balancer accepts.</summary>
    public const int LastPriority = 50000;

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
