// The release state document (stacks/Release/ReleaseStateJson.cs) with the rollout's services put back on the
// color they were live on when the rollout started. Only liveColor and weights of those services change; every other
// field, service and key order stays as the runner wrote it, so the runner reads back exactly what it expects.

/**
 * @param {string} json  a desired or applied release state.
 * @param {Array<{ name: string, fromColor: 'blue'|'green' }>} services
 * @returns {{ json: string, changed: boolean }} the state with each of those services live on fromColor at weight 100,
 *   and whether that differs from what it was.
 */
export function rolledBackState(json, services) {
  const state = JSON.parse(json);
  let changed = false;
  for (const { name, fromColor } of services) {
    const service = state.services?.[name];
    if (!service) throw new Error(`the release state has no service ${name}, which the rollout moves`);
    const weights = { blue: fromColor === 'blue' ? 100 : 0, green: fromColor === 'green' ? 100 : 0 };
    changed ||= service.liveColor !== fromColor || service.weights?.blue !== weights.blue || service.weights?.green !== weights.green;
    service.liveColor = fromColor;
    service.weights = weights;
  }
  return { json: JSON.stringify(state), changed };
}
