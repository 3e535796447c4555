using Infra.Components.Release;
using Infra.Stacks.Settings;

namespace Infra.Tests.Components.Release;

public sealed class GuardConfigTests
{
    [Fact]
    public void A_stack_wide_alarm_belongs_to_every_service_that_watches_it()
    {
        var config = new GuardConfig("staging", "infra-staging-releases", "arn:aws:sns:eu-west-1:1:critical",
        [
            new GuardedRoute("web", TrafficRouteKind.Listener, "arn:l", new ColorPair<string>("arn:wb", "arn:wg"), ["web-5xx", "db"]),
            new GuardedRoute("api", TrafficRouteKind.Rule, "arn:r", new ColorPair<string>("arn:ab", "arn:ag"), ["api-5xx", "db"]),
        ]);

        var alarms = config.AlarmServices();
        Assert.Equal(["web"], alarms["web-5xx"]);
        Assert.Equal(["api"], alarms["api-5xx"]);
        Assert.Equal(["web", "api"], alarms["db"]);
        Assert.EndsWith("""
            "alarms":{"api-5xx":["api"],"db":["web","api"],"web-5xx":["web"]}}
            """.Trim(), config.ToJson());
    }
}
