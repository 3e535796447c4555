using System.Collections.Immutable;
using Infra.Components.Conventions;
using Infra.Components.Observability.Catalog;
using Pulumi;
using Pulumi.Aws.CloudWatch;

namespace Infra.Components.Observability;

/// <summary>
/// The stack's CloudWatch dashboard, <c>&lt;project&gt;-&lt;stack&gt;</c>, built from the same catalog as the alarms so
/// that every alarm has a graph. The body waits for the dimension values and alarm ARNs, then is plain JSON.
/// </summary>
public sealed class Dashboards : ComponentResource
{
    public string DashboardName { get; }

    public Dashboards(string name, DashboardsArgs args, ComponentResourceOptions? options = null)
        : base("infra:observability:Dashboards", name, options)
    {
        var settings = args.Settings;
        var naming = StackConventions.Naming(settings);
        var alarms = DefaultAlarms.Build(settings, naming).Alarms;
        var missing = alarms.Where(a => !args.AlarmArns.ContainsKey(a.Name)).Select(a => a.Name).ToList();
        if (missing.Count > 0)
            throw new ArgumentException(
                $"AlarmArns has no ARN for {string.Join(", ", missing)}; pass the AlarmArns of every AlarmCatalog (primary and DR)",
                nameof(args));

        var references = DashboardBody.References(settings);
        var names = alarms.Select(a => a.Name).ToList();
        var compositeNames = args.CompositeAlarmArns.Keys.Order(StringComparer.Ordinal).ToList();
        var body = Output.Tuple(
                Output.All(references.Select(args.Dimensions.Resolve)),
                Output.All(names.Select(n => args.AlarmArns[n])),
                Output.All(compositeNames.Select(n => args.CompositeAlarmArns[n])))
            .Apply(values => new DashboardBody(
                settings,
                alarms,
                Zip(references, values.Item1),
                Zip(names, values.Item2),
                values.Item3).ToJson());

        DashboardName = naming.Prefix;
        new Dashboard($"{name}-main", new DashboardArgs { DashboardName = DashboardName, DashboardBody = body },
            new CustomResourceOptions { Parent = this });
        RegisterOutputs(new Dictionary<string, object?> { ["dashboardName"] = DashboardName });
    }

    private static ImmutableDictionary<TKey, string> Zip<TKey>(IReadOnlyList<TKey> keys, ImmutableArray<string> values) where TKey : notnull =>
        keys.Zip(values).ToImmutableDictionary(p => p.First, p => p.Second);
}
