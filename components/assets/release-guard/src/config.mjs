// The guard's whole configuration as the stack writes it (one compact JSON document in attribute `config` of the
// ledger item `guard-config`, components/Release/GuardConfigItem.cs), read strictly: a key the stack does not write is
// as wrong as a missing one, because either means the two have drifted apart.
// Every refusal reads `guard-config <key path>: found <value>; expected <what is allowed>`.

const COLORS = ['blue', 'green'];
const KINDS = ['listener', 'rule'];

/**
 * @param {string} text  the item's `config` attribute.
 * @param {{ stack: string, ledgerTable: string }} from  where it was read: the document must name the same stack and table.
 * @returns {{ stack: string, ledgerTable: string, criticalTopicArn: string,
 *   services: Record<string, { kind: 'listener'|'rule', arn: string, targetGroups: { blue: string, green: string } }>,
 *   alarms: Record<string, Array<{ service: string, color?: 'blue'|'green' }>> }}
 */
export function parseGuardConfig(text, from) {
  let root;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new GuardConfigError('$', `text that is not JSON (${error.message})`, 'a JSON object');
  }
  const fields = object(root, '$', ['stack', 'ledgerTable', 'criticalTopicArn', 'services', 'alarms']);
  const services = Object.fromEntries(Object.entries(object(fields.services, 'services')).map(([name, service]) =>
    [nonEmptyName(name, 'services'), readService(service, `services.${name}`)]));
  if (Object.keys(services).length === 0) throw new GuardConfigError('services', 'an empty object', 'at least one service');
  // Per alarm, who watches it: a service's critical alarm (a stack-wide one, the database's connection errors, lists
  // every service), or a service's gate alarm of one color, which matters only while that color is the new one.
  const alarms = Object.fromEntries(Object.entries(object(fields.alarms, 'alarms')).map(([alarm, watchers]) => {
    nonEmptyName(alarm, 'alarms');
    const allowed = `a non-empty list of {service, color?} with service one of ${Object.keys(services).join(', ')} and color blue or green`;
    if (!Array.isArray(watchers) || watchers.length === 0) throw new GuardConfigError(`alarms.${alarm}`, shown(watchers), allowed);
    return [alarm, watchers.map((watcher, i) => readWatcher(watcher, `alarms.${alarm}[${i}]`, services, allowed))];
  }));
  return {
    stack: same(fields.stack, 'stack', from.stack, 'the stack whose partition holds the item'),
    ledgerTable: same(fields.ledgerTable, 'ledgerTable', from.ledgerTable, 'the table holding the item'),
    criticalTopicArn: arn(fields.criticalTopicArn, 'criticalTopicArn'),
    services,
    alarms,
  };
}

export class GuardConfigError extends Error {
  constructor(path, found, expected) {
    super(`guard-config ${path}: found ${found}; expected ${expected}`);
    this.name = 'GuardConfigError';
  }
}

function readService(value, path) {
  const fields = object(value, path, ['kind', 'arn', 'targetGroups']);
  if (!KINDS.includes(fields.kind)) throw new GuardConfigError(`${path}.kind`, shown(fields.kind), 'listener or rule');
  const targetGroups = object(fields.targetGroups, `${path}.targetGroups`, COLORS);
  return {
    kind: fields.kind,
    arn: arn(fields.arn, `${path}.arn`),
    targetGroups: { blue: arn(targetGroups.blue, `${path}.targetGroups.blue`), green: arn(targetGroups.green, `${path}.targetGroups.green`) },
  };
}

function readWatcher(value, path, services, allowed) {
  const known = value !== null && typeof value === 'object' && !Array.isArray(value) &&
    Object.keys(value).every((key) => key === 'service' || key === 'color');
  if (!known || !Object.hasOwn(services, value.service) || (Object.hasOwn(value, 'color') && !COLORS.includes(value.color))) {
    throw new GuardConfigError(path, shown(value), allowed);
  }
  return Object.hasOwn(value, 'color') ? { service: value.service, color: value.color } : { service: value.service };
}

// An object; with `keys`, exactly those keys (each required).
function object(value, path, keys) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GuardConfigError(path, shown(value), keys ? `an object with the keys ${keys.join(', ')}` : 'an object');
  }
  if (keys) {
    const unknown = Object.keys(value).find((key) => !keys.includes(key));
    if (unknown !== undefined) throw new GuardConfigError(child(path, unknown), 'a key the guard does not know', `only ${keys.join(', ')}`);
    const missing = keys.find((key) => !Object.hasOwn(value, key));
    if (missing !== undefined) throw new GuardConfigError(child(path, missing), 'nothing', `it to be present (${keys.join(', ')})`);
  }
  return value;
}

// `$` is the document itself; its keys are named without it (`services.web.kind`).
function child(path, key) {
  return path === '$' ? key : `${path}.${key}`;
}

// The document names where it belongs; a copy under another stack or table would act on the wrong one.
function same(value, path, expected, what) {
  if (value !== expected) throw new GuardConfigError(path, shown(value), `${JSON.stringify(expected)}, ${what}`);
  return value;
}

function arn(value, path) {
  if (typeof value !== 'string' || !value.startsWith('arn:')) throw new GuardConfigError(path, shown(value), 'an ARN (arn:…)');
  return value;
}

function nonEmptyName(name, path) {
  if (name.trim() === '') throw new GuardConfigError(path, 'an empty name', 'non-empty names');
  return name;
}

function shown(value) {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}
