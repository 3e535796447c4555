// Chooses how one SNS notification reads in Slack: alarm notifications get the rich
// alarm layout, anything else is relayed as plain text with its subject.
import { alarmSlackMessage, parseAlarmNotification } from './alarm-message.mjs';
import { regionFromArn } from './console-links.mjs';
import { escapeMrkdwn, truncate } from './mrkdwn.mjs';

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

/** Topics are named <prefix>-<severity>; returns that severity, or undefined for any other name. */
export function severityFromTopicArn(topicArn) {
  const topicName = String(topicArn ?? '').split(':').pop();
  return SEVERITIES.find((severity) => topicName.endsWith(`-${severity}`));
}

/**
 * @param {object} sns  The record's Sns object (TopicArn, Subject, Message, MessageId).
 * @param {object} context
 * @param {string} [context.dashboardName]  Env DASHBOARD_NAME.
 * @param {string} [context.lambdaRegion]  Env AWS_REGION: the dashboard's region and the last-resort alarm region.
 * @returns {{ payload: object, summary: Record<string, string> }}  The Slack body, and non-secret fields for the log line.
 */
export function formatSnsNotification(sns, { dashboardName, lambdaRegion }) {
  const alarm = parseAlarmNotification(sns.Message);
  if (!alarm) {
    return { payload: plainSlackMessage(sns.Subject, sns.Message), summary: { kind: 'message', subject: sns.Subject ?? '' } };
  }
  const severity = severityFromTopicArn(sns.TopicArn);
  const payload = alarmSlackMessage(alarm, {
    severity,
    fallbackRegion: regionFromArn(sns.TopicArn) ?? lambdaRegion,
    dashboardName,
    dashboardRegion: lambdaRegion,
  });
  return { payload, summary: { kind: 'alarm', alarm: alarm.AlarmName, state: alarm.NewStateValue, severity: severity ?? 'unknown' } };
}

/** Subject in bold over the body; Slack rejects an empty text, so an empty body is named. */
export function plainSlackMessage(subject, message) {
  const body = escapeMrkdwn(truncate(message || '(empty message)'));
  return { text: subject ? `*${escapeMrkdwn(subject)}*\n${body}` : body };
}
