using System.Text.Json.Nodes;
using Infra.Components.Release;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;

namespace Infra.Tests.Components.Release;

public sealed class GuardConfigItemTests
{
    private static GuardConfig Config(string routeArn) => new("staging", "infra-staging-releases", "arn:aws:sns:eu-west-1:1:critical",
    [
        new GuardedRoute("web", TrafficRouteKind.Listener, routeArn, new ColorPair<string>("arn:wb", "arn:wg"), [new WatchedAlarm("web-5xx", null)]),
    ]);

    [Fact]
    public void The_item_holds_the_stacks_key_the_guard_config_sort_key_and_the_document_as_a_string()
    {
        var config = Config("arn:l");

        var item = JsonNode.Parse(GuardConfigItem.ToItemJson(config))!;

        Assert.Equal(
            new JsonObject
            {
                ["pk"] = new JsonObject { ["S"] = "staging" },
                ["sk"] = new JsonObject { ["S"] = "guard-config" },
                ["config"] = new JsonObject { ["S"] = config.ToJson() },
            }.ToJsonString(),
            item.ToJsonString());
    }

    [Fact]
    public void A_config_beyond_dynamodbs_400_KB_item_is_refused_with_its_size()
    {
        // 409,600 bytes of ARN alone: the document around it takes the item over the limit.
        var config = Config("arn:" + new string('x', GuardConfigItem.MaxItemBytes - 4));

        var error = Assert.Throws<ArgumentException>(() => GuardConfigItem.ToItemJson(config));

        Assert.Equal(
            "the release guard's configuration of stack 'staging' (services: 1, alarms: 1) is 409880 bytes as item 'guard-config' of " +
            "ledger table infra-staging-releases; a DynamoDB item holds at most 409600 bytes (400 KB): split the services across " +
            "stacks or turn the release guard off (infra:releaseGuard.enabled: false) (Parameter 'config')",
            error.Message);
    }
}
