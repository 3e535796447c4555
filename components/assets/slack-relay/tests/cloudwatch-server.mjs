// A 127.0.0.1 stand-in for CloudWatch's DescribeAlarmHistory (AWS JSON 1.0, as the runtime SDK speaks it): it answers
// from a history of items per alarm, one page of pageSize at a time, keeps only the asked window and item type, and
// rejects an unsigned request or an unknown operation the way CloudWatch does.
import { startScriptedServer } from './scripted-server.mjs';

const TARGET = 'GraniteServiceVersion20100801.DescribeAlarmHistory';

/**
 * @param {Record<string, Array<{ at: string, from: string, to: string, reason: string }>>} history  per alarm name.
 * @param {{ pageSize?: number }} [options]
 */
export function startCloudWatch(history, { pageSize = 100 } = {}) {
  return startScriptedServer([(request) => reply(history, request, pageSize)]);
}

/** The reply to one recorded request, computed from the history. */
function reply(history, request, pageSize = 100) {
  if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
    return error(400, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
  }
  if (request.headers['x-amz-target'] !== TARGET) return error(400, 'UnknownOperationException', 'unknown operation');
  const input = JSON.parse(request.body);
  const start = input.StartDate * 1000;
  const end = input.EndDate * 1000;
  const items = (history[input.AlarmName] ?? [])
    .filter(() => input.HistoryItemType === 'StateUpdate')
    .filter((item) => Date.parse(item.at) >= start && Date.parse(item.at) <= end)
    .map((item) => ({
      AlarmName: input.AlarmName,
      AlarmType: 'MetricAlarm',
      Timestamp: Date.parse(item.at) / 1000,
      HistoryItemType: 'StateUpdate',
      HistorySummary: `Alarm updated from ${item.from} to ${item.to}`,
      HistoryData: JSON.stringify({ version: '1.0', oldState: { stateValue: item.from }, newState: { stateValue: item.to, stateReason: item.reason } }),
    }));
  const offset = input.NextToken ? Number(input.NextToken) : 0;
  const page = items.slice(offset, offset + pageSize);
  const next = offset + pageSize < items.length ? String(offset + pageSize) : undefined;
  return json(200, { AlarmHistoryItems: page, ...(next ? { NextToken: next } : {}) });
}

const json = (status, body) => ({ status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(body) });
const error = (status, type, message) => json(status, { __type: `com.amazonaws.cloudwatch#${type}`, message });
