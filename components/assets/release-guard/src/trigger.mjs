// The two EventBridge events the stack's rules deliver: a CloudWatch alarm's state change, and the every-minute
// schedule. Anything else is a wiring mistake, refused loudly so it reaches the dead-letter queue and its alarm.

/**
 * @returns {{ kind: 'alarm', id: string, alarmName: string, state: string }
 *   | { kind: 'schedule', id: string }}
 */
export function readTrigger(event) {
  const id = event?.id;
  if (typeof id !== 'string' || id === '') throw new Error(`the event has no id: ${describe(event)}`);
  const detailType = event['detail-type'];
  if (event.source === 'aws.cloudwatch' && detailType === 'CloudWatch Alarm State Change') {
    const alarmName = event.detail?.alarmName;
    const state = event.detail?.state?.value;
    if (typeof alarmName !== 'string' || typeof state !== 'string') {
      throw new Error(`alarm state change ${id} lacks detail.alarmName or detail.state.value`);
    }
    return { kind: 'alarm', id, alarmName, state };
  }
  if (event.source === 'aws.events' && detailType === 'Scheduled Event') return { kind: 'schedule', id };
  throw new Error(`event ${id} is neither a CloudWatch alarm state change nor the scheduled check: ${describe(event)}`);
}

function describe(event) {
  return `source ${JSON.stringify(event?.source)}, detail-type ${JSON.stringify(event?.['detail-type'])}`;
}
