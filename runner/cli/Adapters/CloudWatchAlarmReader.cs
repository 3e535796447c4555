using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// Alarm states from CloudWatch DescribeAlarms: names in batches of 100 (the API's limit), every page of each batch.
/// Names CloudWatch does not return are left out, and the gate counts them as INSUFFICIENT_DATA.
/// </summary>
public sealed class CloudWatchAlarmReader(IAmazonCloudWatch cloudWatch) : IAlarmReader
{
    public const int BatchSize = 100;

    public async Task<IReadOnlyDictionary<string, AlarmState>> ReadStatesAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, AlarmState>(StringComparer.Ordinal);
        foreach (var batch in alarmNames.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
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
