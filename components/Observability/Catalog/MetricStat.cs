using Infra.Stacks.Settings;

namespace Infra.Components.Observability.Catalog;

/// <summary>One dimension of a metric: its CloudWatch name and the reference its value comes from.</summary>
public sealed record Dimension(string Name, DimensionRef Value);

/// <summary>
/// A CloudWatch metric (compared by value, dimensions included) and the statistic taken over each period: <c>Sum</c>, <c>Average</c>, <c>Maximum</c> or a
/// percentile such as <c>p99</c>.
/// </summary>
public sealed record MetricStat(string Namespace, string MetricName, ValueList<Dimension> Dimensions, string Stat)
{
    /// <summary>Percentiles go to CloudWatch as an extended statistic, the rest as a statistic.</summary>
    public bool IsPercentile => Stat.Length > 1 && Stat[0] == 'p' && char.IsDigit(Stat[1]);
}

/// <summary>A metric that a math expression reads, under the id the expression uses.</summary>
public sealed record MetricInput(string Id, MetricStat Metric);

/// <summary>What an alarm watches: one metric, or a math expression over several.</summary>
public abstract record AlarmSignal
{
    /// <summary>Every metric the signal reads.</summary>
    public abstract IEnumerable<MetricStat> Metrics { get; }
}

public sealed record SingleMetric(MetricStat Metric) : AlarmSignal
{
    public override IEnumerable<MetricStat> Metrics => [Metric];
}

/// <summary>
/// A metric math expression (<paramref name="Id"/> is the expression's own query id) over <paramref name="Inputs"/>.
/// </summary>
public sealed record MetricMath(string Id, string Expression, string Label, ValueList<MetricInput> Inputs) : AlarmSignal
{
    public override IEnumerable<MetricStat> Metrics => Inputs.Select(i => i.Metric);

    /// <summary>All query ids: the inputs' and the expression's.</summary>
    public IEnumerable<string> Ids => Inputs.Select(i => i.Id).Append(Id);
}
