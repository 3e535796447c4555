// The EventBridge events the stack's rules deliver to the guard, shaped as AWS sends them.

export function alarmEvent(id, alarmName, state = 'ALARM') {
  return {
    version: '0',
    id,
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: '123456789012',
    time: '2026-11-30T12:00:00Z',
    region: 'eu-west-1',
    resources: [`arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${alarmName}`],
    detail: {
      alarmName,
      state: { value: state, reason: 'Threshold Crossed: 2 out of the last 2 datapoints were greater than the threshold (10.0).', timestamp: '2026-11-30T11:59:58.441+0000' },
      previousState: { value: state === 'ALARM' ? 'OK' : 'ALARM', timestamp: '2026-11-30T11:40:00.000+0000' },
      configuration: { description: 'Gate: the new color\'s 5xx rate' },
    },
  };
}

export function scheduleEvent(id) {
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: '2026-11-30T12:00:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:events:eu-west-1:123456789012:rule/prod-release-guard-every-minute'],
    detail: {},
  };
}

/** A DynamoDB item as plain values (S as text, N as numbers, L as arrays), for whole-item assertions. */
export function plain(item) {
  const value = (attribute) => {
    if (attribute.S !== undefined) return attribute.S;
    if (attribute.N !== undefined) return Number(attribute.N);
    if (attribute.L !== undefined) return attribute.L.map(value);
    throw new Error(`unexpected attribute ${JSON.stringify(attribute)}`);
  };
  return item && Object.fromEntries(Object.entries(item).map(([name, attribute]) => [name, value(attribute)]));
}
