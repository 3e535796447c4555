// Turns a CloudWatch alarm notification into a Slack message: a coloured attachment whose
// blocks name the alarm, its state change, severity, region, reason and console links.
import { alarmConsoleUrl, dashboardConsoleUrl, regionFromArn } from './console-links.mjs';
import { escapeMrkdwn, link, truncate } from './mrkdwn.mjs';

export const SEVERITY_COLOURS = Object.freeze({ critical: '#E01E5A', high: '#F2711C', medium: '#ECB22E', low: '#9E9E9E' });
export const OK_COLOUR = '#2EB67D';

/** The parsed notification when the SNS message is a CloudWatch alarm state change, else undefined. */
export function parseAlarmNotification(message) {
  let parsed;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  const isAlarm = typeof parsed?.AlarmName === 'string' && typeof parsed?.NewStateValue === 'string';
  return isAlarm ? parsed : undefined;
}

/**
 * @param {object} alarm  A parsed CloudWatch alarm notification.
 * @param {object} context
 * @param {string|undefined} context.severity  critical, high, medium or low; undefined when the topic does not say.
 * @param {string} context.fallbackRegion  Used when AlarmArn is missing (the notification's Region is a display name, not a code).
 * @param {string} [context.dashboardName]  Adds a dashboard link when set.
 * @param {string} [context.dashboardRegion]  Default: the alarm's region.
 */
export function alarmSlackMessage(alarm, { severity, fallbackRegion, dashboardName, dashboardRegion }) {
  const region = regionFromArn(alarm.AlarmArn) ?? fallbackRegion;
  const severityLabel = severity ?? 'unknown';
  const alarmUrl = alarmConsoleUrl(region, alarm.AlarmName);
  const links = [link(alarmUrl, 'Open alarm')];
  if (dashboardName) links.push(link(dashboardConsoleUrl(dashboardRegion ?? region, dashboardName), 'Open dashboard'));

  const heading = [`*${link(alarmUrl, alarm.AlarmName)}*`];
  if (alarm.AlarmDescription) heading.push(escapeMrkdwn(truncate(alarm.AlarmDescription)));

  const fields = [field('State', stateChange(alarm)), field('Severity', severityLabel), field('Region', region)];
  if (alarm.StateChangeTime) fields.push(field('Changed', alarm.StateChangeTime));

  const blocks = [mrkdwnSection(heading.join('\n')), { type: 'section', fields }];
  if (alarm.NewStateReason) blocks.push(mrkdwnSection(`*Reason*\n${escapeMrkdwn(truncate(alarm.NewStateReason))}`));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: links.join('  |  ') }] });

  return {
    text: escapeMrkdwn(`[${severityLabel.toUpperCase()}] ${alarm.AlarmName} is ${alarm.NewStateValue}`),
    attachments: [{ color: colourFor(alarm.NewStateValue, severity), blocks }],
  };
}

// Recovery is always green whatever the severity; unknown severities look like low ones.
function colourFor(state, severity) {
  return state === 'OK' ? OK_COLOUR : SEVERITY_COLOURS[severity] ?? SEVERITY_COLOURS.low;
}

function stateChange({ NewStateValue: now, OldStateValue: before }) {
  return before ? `${now} (was ${before})` : now;
}

function field(label, value) {
  return { type: 'mrkdwn', text: `*${label}*\n${escapeMrkdwn(value)}` };
}

function mrkdwnSection(text) {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
