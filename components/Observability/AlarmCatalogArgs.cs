using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Observability;

/// <summary>Arguments of <see cref="AlarmCatalog"/>.</summary>
public sealed class AlarmCatalogArgs
{
    /// <summary>The validated stack settings: services, database, DR and the <c>infra:alarms</c> overrides.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>The SNS topic ARN of every severity, in the catalog's region (see <see cref="Alerting.TopicArns"/>).</summary>
    public required IReadOnlyDictionary<Severity, Input<string>> TopicArns { get; init; }

    /// <summary>The values of the metrics' dimensions.</summary>
    public required MetricDimensions Dimensions { get; init; }

    /// <summary>
    /// Each service's log group in the catalog's region, read by the database connection-error filter. Default: none;
    /// required in the primary region while that alarm is enabled, and in the DR region (the pilot light's) once its
    /// database is promoted.
    /// </summary>
    public IReadOnlyDictionary<string, Input<string>> ServiceLogGroupNames { get; init; } = new Dictionary<string, Input<string>>();

    /// <summary>
    /// Which of the catalog's alarms this instance declares. Default: primary. Declare a second catalog with
    /// <see cref="AlarmRegion.Dr"/> and the DR provider for the alarms whose metrics exist only in the DR region: the
    /// replica's lag (its database's own alarms once promoted) and, with a pilot light, the pilot light's services and
    /// load balancer (then <see cref="Dimensions"/> are the pilot light's).
    /// </summary>
    public AlarmRegion Region { get; init; } = AlarmRegion.Primary;
}
