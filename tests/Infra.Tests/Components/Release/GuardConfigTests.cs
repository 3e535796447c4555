using Infra.Components.Release;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;

namespace Infra.Tests.Components.Release;

public sealed class GuardConfigTests
{
    [Fact]
    public void A_stack_wide_alarm_belongs_to_every_service_that_watches_it_and_a_gate_alarm_to_its_color()
    {
        var config = new GuardConfig("staging", "infra-staging-releases", "arn:aws:sns:eu-west-1:1:critical",
        [
            new GuardedRoute("web", TrafficRouteKind.Listener, "arn:l", new ColorPair<string>("arn:wb", "arn:wg"),
                [new WatchedAlarm("web-green-5xx", Color.Green), new WatchedAlarm("db", null)]),
            new GuardedRoute("api", TrafficRouteKind.Rule, "arn:r", new ColorPair<string>("arn:ab", "arn:ag"),
                [new WatchedAlarm("api-errors", null), new WatchedAlarm("db", null)]),
        ]);

        var alarms = config.AlarmWatchers();
        Assert.Equal([("web", Color.Green)], alarms["web-green-5xx"]);
        Assert.Equal([("api", (Color?)null)], alarms["api-errors"]);
        Assert.Equal([("web", (Color?)null), ("api", null)], alarms["db"]);
        Assert.EndsWith("""
            "alarms":{"api-errors":[{"service":"api"}],"db":[{"service":"web"},{"service":"api"}],"web-green-5xx":[{"service":"web","color":"green"}]}}
            """.Trim(), config.ToJson());
    }
}
