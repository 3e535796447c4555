using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// Alarm states from CloudWatch DescribeAlarms: names in batches of 100 (the API's limit), every page of each batch.
/// Every name asked for is answered: a name CloudWatch does not return is <see cref="AlarmState.Missing"/>.
/// </summary>
/// <param name="region">The region <paramref name="cloudWatch"/> was created for (the stack's aws:region), named in messages.</param>
public sealed class CloudWatchAlarmReader(IAmazonCloudWatch cloudWatch, string region) : IAlarmReader
{
    public const int BatchSize = 100;

    public string Region => region;

    public async Task<IReadOnlyDictionary<string, AlarmState>> ReadStatesAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken)
    {
        var names = alarmNames.Distinct(StringComparer.Ordinal).ToList();
        var states = names.ToDictionary(name => name, _ => AlarmState.Missing, StringComparer.Ordinal);
        foreach (var batch in names.Chunk(BatchSize))
        {
            string? nextToken = null;
            do
            {
                var response = await cloudWatch.DescribeAlarmsAsync(
                    new DescribeAlarmsRequest { AlarmNames = [.. batch], MaxRecords = BatchSize, NextToken = nextToken }, cancellationToken);
                foreach (var alarm in response.MetricAlarms ?? [])
                {
                    if (alarm.AlarmName is { } name && batch.Contains(name, StringComparer.Ordinal))
                    {
                        states[name] = ToState(alarm.StateValue);
                    }
                }

                nextToken = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
            }
            while (nextToken is not null);
        }

        return states;
    }

    private static AlarmState ToState(StateValue? state) => state?.Value switch
    {
        "OK" => AlarmState.Ok,
        "ALARM" => AlarmState.Alarm,
        _ => AlarmState.InsufficientData,
    };
}
