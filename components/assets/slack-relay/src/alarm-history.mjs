// The day's state changes of the named alarms, from CloudWatch's alarm history (DescribeAlarmHistory, every page).
import { DescribeAlarmHistoryCommand } from '@aws-sdk/client-cloudwatch';

/**
 * @param {import('@aws-sdk/client-cloudwatch').CloudWatchClient} cloudWatch
 * @param {string[]} alarmNames
 * @param {{ start: Date, end: Date }} window
 * @returns {Promise<Array<{ alarmName: string, at: Date, newState: string, reason: string }>>}  oldest first.
 */
export async function stateChanges(cloudWatch, alarmNames, { start, end }) {
  const changes = [];
  for (const alarmName of alarmNames) {
    let nextToken;
    do {
      const page = await cloudWatch.send(new DescribeAlarmHistoryCommand({
        AlarmName: alarmName,
        HistoryItemType: 'StateUpdate',
        StartDate: start,
        EndDate: end,
        NextToken: nextToken,
      }));
      for (const item of page.AlarmHistoryItems ?? []) changes.push(stateChange(alarmName, item));
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return changes.sort((a, b) => a.at - b.at);
}

// HistoryData is JSON {"oldState": {...}, "newState": {"stateValue": "ALARM", "stateReason": "..."}}; the summary
// ("Alarm updated from OK to ALARM") stands in when it cannot be read.
function stateChange(alarmName, item) {
  let newState;
  try {
    newState = JSON.parse(item.HistoryData ?? '{}').newState;
  } catch {
    newState = undefined;
  }
  const stateValue = newState?.stateValue ?? String(item.HistorySummary ?? '').split(' ').pop();
  return { alarmName, at: new Date(item.Timestamp), newState: stateValue, reason: newState?.stateReason ?? item.HistorySummary ?? '' };
}
