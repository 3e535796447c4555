using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>
/// Rules for the <c>pause</c> items of <c>infra:rollout.steps</c>: a pause sits between two percentages (first, it would
/// wait before any traffic moved, which the smoke check and pre-traffic hooks cover; last, after 100%, the termination
/// wait already keeps the old colors up), one at a time, with a timeout of 1 minute to 24 hours when it has one.
/// </summary>
public static class PauseRules
{
    public static void Validate(RolloutSettings rollout, int percentages, Diagnostics d)
    {
        var steps = $"{ConfigKeys.Rollout}.steps";
        for (var k = 0; k < rollout.Pauses.Count; k++)
        {
            var pause = rollout.Pauses[k];
            // Its index as written: the percentages before it plus the pauses before it.
            var item = KeyPath.Item(steps, pause.AfterStep + k);
            if (pause.AfterStep == 0)
                d.Error(item, $"{pause.Text} must follow a step that moved traffic, e.g. [10, pause, 50, 100]");
            else if (pause.AfterStep == percentages)
                d.Error(item, $"{pause.Text} cannot be last; after 100 the termination wait keeps the old colors up, e.g. [10, pause, 50, 100]");
            else if (k > 0 && rollout.Pauses[k - 1].AfterStep == pause.AfterStep)
                d.Error(item, $"{pause.Text} follows another pause; put one pause between two steps");

            if (pause.TimeoutSeconds is { } seconds and (< PauseSetting.MinTimeoutSeconds or > PauseSetting.MaxTimeoutSeconds))
                d.Error(item, $"{pause.Text} is out of range; a pause's timeout is allowed from 1m to 24h");
        }
    }
}
