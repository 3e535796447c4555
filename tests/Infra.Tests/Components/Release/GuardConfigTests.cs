using Infra.Components.Release;
using Infra.Stacks.Settings;

namespace Infra.Tests.Components.Release;

public sealed class GuardConfigTests
{
    [Fact]
    public void A_stack_wide_alarm_belongs_to_the_first_service_that_watches_it()
    {
        var config = new GuardConfig("staging", "infra-staging-releases", "arn:aws:sns:eu-west-1:1:critical",
        [
            new GuardedRoute("web", TrafficRouteKind.Listener, "arn:l", new ColorPair<string>("arn:wb", "arn:wg"), ["web-5xx", "db"]),
            new GuardedRoute("api", TrafficRouteKind.Rule, "arn:r", new ColorPair<string>("arn:ab", "arn:ag"), ["api-5xx", "db"]),
        ]);

        Assert.Equal(new Dictionary<string, string> { ["web-5xx"] = "web", ["db"] = "web", ["api-5xx"] = "api" }, config.AlarmServices());
    }
}
