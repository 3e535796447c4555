import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuardConfig } from '../src/config.mjs';
import { readTrigger } from '../src/trigger.mjs';
import { alarmEvent, scheduleEvent } from './events.mjs';

const TG = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/prod-web';
const VALID = {
  stack: 'production',
  ledgerTable: 'infra-production-releases',
  criticalTopicArn: 'arn:aws:sns:eu-west-1:123456789012:prod-alerts-critical',
  services: {
    web: { kind: 'listener', arn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/prod/1/2', targetGroups: { blue: `${TG}-blue/1`, green: `${TG}-green/2` } },
    api: { kind: 'rule', arn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/prod/1/2/3', targetGroups: { blue: `${TG}-b/3`, green: `${TG}-g/4` } },
  },
  alarms: { 'prod-web-green-5xx': [{ service: 'web', color: 'green' }], 'prod-api-error-rate': [{ service: 'api' }], 'prod-db-connection-errors': [{ service: 'web' }, { service: 'api' }] },
};
const FROM = { stack: 'production', ledgerTable: 'infra-production-releases' };
const withChange = (change) => {
  const config = structuredClone(VALID);
  change(config);
  return JSON.stringify(config);
};

test('the configuration as the stack writes it is read as is', () => {
  assert.deepEqual(parseGuardConfig(JSON.stringify(VALID), FROM), VALID);
});

test('a configuration the guard cannot use is refused naming the key path, the value and what is allowed', () => {
  const refusals = [
    ['{"stack":', 'guard-config $: found text that is not JSON (Unexpected end of JSON input); expected a JSON object'],
    ['[]', 'guard-config $: found []; expected an object with the keys stack, ledgerTable, criticalTopicArn, services, alarms'],
    [withChange((c) => { c.region = 'eu-west-1'; }), 'guard-config region: found a key the guard does not know; expected only stack, ledgerTable, criticalTopicArn, services, alarms'],
    [withChange((c) => { delete c.alarms; }), 'guard-config alarms: found nothing; expected it to be present (stack, ledgerTable, criticalTopicArn, services, alarms)'],
    [withChange((c) => { c.stack = 'staging'; }), 'guard-config stack: found "staging"; expected "production", the stack whose partition holds the item'],
    [withChange((c) => { c.ledgerTable = 'infra-staging-releases'; }), 'guard-config ledgerTable: found "infra-staging-releases"; expected "infra-production-releases", the table holding the item'],
    [withChange((c) => { c.criticalTopicArn = 'prod-alerts-critical'; }), 'guard-config criticalTopicArn: found "prod-alerts-critical"; expected an ARN (arn:…)'],
    [withChange((c) => { c.services = {}; }), 'guard-config services: found an empty object; expected at least one service'],
    [withChange((c) => { c.services.web.kind = 'alb'; }), 'guard-config services.web.kind: found "alb"; expected listener or rule'],
    [withChange((c) => { delete c.services.api.targetGroups.green; }), 'guard-config services.api.targetGroups.green: found nothing; expected it to be present (blue, green)'],
    [withChange((c) => { c.services.web.targetGroups.blue = null; }), 'guard-config services.web.targetGroups.blue: found null; expected an ARN (arn:…)'],
    [withChange((c) => { c.services.web.weight = 100; }), 'guard-config services.web.weight: found a key the guard does not know; expected only kind, arn, targetGroups'],
    [withChange((c) => { c.alarms['prod-db-connections'] = 'web'; }), 'guard-config alarms.prod-db-connections: found "web"; expected a non-empty list of {service, color?} with service one of web, api and color blue or green'],
    [withChange((c) => { c.alarms['prod-db-connections'] = []; }), 'guard-config alarms.prod-db-connections: found []; expected a non-empty list of {service, color?} with service one of web, api and color blue or green'],
    [withChange((c) => { c.alarms['prod-db-connections'] = [{ service: 'web' }, { service: 'database' }]; }), 'guard-config alarms.prod-db-connections[1]: found {"service":"database"}; expected a non-empty list of {service, color?} with service one of web, api and color blue or green'],
    [withChange((c) => { c.alarms['prod-web-5xx'] = [{ service: 'web', color: 'red' }]; }), 'guard-config alarms.prod-web-5xx[0]: found {"service":"web","color":"red"}; expected a non-empty list of {service, color?} with service one of web, api and color blue or green'],
  ];
  for (const [text, message] of refusals) assert.throws(() => parseGuardConfig(text, FROM), { name: 'GuardConfigError', message });
});

test('the guard reads the alarm state change and the scheduled event, and refuses any other event', () => {
  assert.deepEqual(readTrigger(alarmEvent('e-1', 'prod-web-green-5xx')), { kind: 'alarm', id: 'e-1', alarmName: 'prod-web-green-5xx', state: 'ALARM' });
  assert.deepEqual(readTrigger(scheduleEvent('e-2')), { kind: 'schedule', id: 'e-2' });
  assert.throws(() => readTrigger({ source: 'aws.events', 'detail-type': 'Scheduled Event' }),
    { message: 'the event has no id: source "aws.events", detail-type "Scheduled Event"' });
  assert.throws(() => readTrigger({ id: 'e-3', source: 'aws.ecs', 'detail-type': 'ECS Task State Change' }),
    { message: 'event e-3 is neither a CloudWatch alarm state change nor the scheduled check: source "aws.ecs", detail-type "ECS Task State Change"' });
  assert.throws(() => readTrigger({ ...alarmEvent('e-4', 'x'), detail: { alarmName: 'x' } }),
    { message: 'alarm state change e-4 lacks detail.alarmName or detail.state.value' });
});

test('the deployed entry point refuses to act without the variables naming its configuration item, before any AWS call', async () => {
  const saved = { GUARD_STACK: process.env.GUARD_STACK, GUARD_LEDGER_TABLE: process.env.GUARD_LEDGER_TABLE };
  delete process.env.GUARD_STACK;
  process.env.GUARD_LEDGER_TABLE = 'infra-production-releases';
  try {
    const { handler } = await import('../src/index.mjs');
    await assert.rejects(handler(alarmEvent('e-1', 'prod-web-green-5xx')),
      { message: "the function's environment has no GUARD_STACK; the stack sets GUARD_STACK and GUARD_LEDGER_TABLE (pulumi up)" });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});
