namespace Infra.Runner.Rollout;

/// <summary>
/// Checks, before any traffic moves, that every alarm a bake will watch exists. A gate whose alarms are missing
/// (wrong region, alarms not deployed, a renamed alarm) would watch nothing, so the rollout must not start.
/// </summary>
internal static class AlarmPresence
{
    /// <summary>Returns the states read, for the pre-flight (<see cref="AlarmPreflight"/>) to judge without a second read.</summary>
    public static async Task<IReadOnlyDictionary<string, AlarmState>> RequireAllAsync(
        IAlarmReader alarms, IReadOnlyList<string> watched, CancellationToken cancellationToken)
    {
        if (watched.Count == 0)
        {
            return new Dictionary<string, AlarmState>();
        }

        var states = await alarms.ReadStatesAsync(watched, cancellationToken);
        var missing = watched.Where(name => states.GetValueOrDefault(name, AlarmState.Missing) == AlarmState.Missing).ToList();
        if (missing.Count > 0)
        {
            throw new RolloutInputException(
                $"these watched alarms do not exist in CloudWatch region {alarms.Region}: {string.Join(", ", missing)}; no traffic moved. "
                + "The runner reads alarms in the stack's aws:region: apply the stack's alarms there (a full update), then retry");
        }

        return states;
    }
}
