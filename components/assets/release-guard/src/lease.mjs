// The lease item (sk = lease) as the runner writes it (ledger/ReleaseLedger.Lease.cs), read into what the guard
// decides on: the rollout's phase and expiry, the services it moves with their live color when it started (the
// runner's record, runner/core/Rollout/RolloutRecordJson.cs), and the guard's own marks from an earlier invocation.
// A lease with drCommand is held by a disaster-recovery command (failover, drill, failback), not a rollout: its record
// is that command's own and moves no service, so it is not read.

/**
 * @param {string} table  for messages.
 * @param {Record<string, object>} item  DynamoDB attribute values.
 */
export function readLeaseItem(table, item) {
  const read = attributeReader(table, 'lease', item);
  const drCommand = read.optionalString('drCommand');
  return {
    token: read.string('token'),
    rolloutId: read.string('rolloutId'),
    phase: read.string('phase'),
    expiresAt: read.number('expiresAt'),
    drCommand,
    services: drCommand === undefined ? readRecordServices(read, read.string('record')) : [],
    guardId: read.optionalString('guardId'),
    guardState: read.optionalString('guardState'),
    guardAt: read.optionalString('guardAt'),
  };
}

// services[].name and services[].fromColor of the rollout record; the rest of the record is the runner's business.
function readRecordServices(read, recordText) {
  let record;
  try {
    record = JSON.parse(recordText);
  } catch (error) {
    read.refuse('record', `a rollout record in JSON (${error.message})`);
  }
  const services = record?.services;
  if (!Array.isArray(services) || services.length === 0) read.refuse('record', 'a rollout record whose services is a non-empty list');
  return services.map((service, index) => {
    if (typeof service?.name !== 'string' || service.name === '' || !['blue', 'green'].includes(service.fromColor)) {
      read.refuse('record', `services[${index}] with a name and a fromColor of blue or green, found ${JSON.stringify(service)}`);
    }
    return { name: service.name, fromColor: service.fromColor };
  });
}

/** Reads typed attributes of one ledger item; a wrong shape names the table, the item and the attribute. */
export function attributeReader(table, key, item) {
  const refuse = (name, expected) => {
    throw new Error(`release ledger ${table}, item ${key}, attribute ${name}: expected ${expected}`);
  };
  const string = (name) => (typeof item[name]?.S === 'string' ? item[name].S : refuse(name, 'a string (S)'));
  return {
    refuse,
    string,
    optionalString: (name) => (item[name] === undefined ? undefined : string(name)),
    number: (name) => {
      const value = Number(item[name]?.N);
      return item[name]?.N !== undefined && Number.isSafeInteger(value) ? value : refuse(name, 'a whole number (N)');
    },
  };
}
