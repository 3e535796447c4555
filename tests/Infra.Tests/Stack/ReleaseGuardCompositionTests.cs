using System.Text.Json.Nodes;
using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>
/// The stack files' release guard: it watches exactly the alarms the runner watches for a rollout (each service's
/// gate alarms of both colors and its critical alarms, as the <c>services</c> output lists them), moves each service on
/// the resource that carries its weights, and <c>infra:releaseGuard.enabled: false</c> declares none of it.
/// </summary>
public sealed class ReleaseGuardCompositionTests : IDisposable
{
    private const string GuardType = "infra:release:ReleaseGuard";
    private const string Rule = "aws:cloudwatch/eventRule:EventRule";
    private const string TableItem = "aws:dynamodb/tableItem:TableItem";

    private readonly string _folder = Directory.CreateTempSubdirectory("guard-stack").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Stacks => new() { { "staging", "alb-http" }, { "production", "alb-https" } };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_alarm_rule_watches_every_gate_and_critical_alarm_of_every_service_and_nothing_else(string stack, string _)
    {
        var plan = await ComponentPlan.OfStackFileAsync(RepoPaths.StackFile(stack));

        var watched = plan.Outputs["services"]!.AsObject()
            .SelectMany(s => Strings(s.Value!["blue"]!["gateAlarmNames"]!)
                .Concat(Strings(s.Value["green"]!["gateAlarmNames"]!))
                .Concat(Strings(s.Value["criticalAlarmNames"]!)))
            .ToHashSet();
        var pattern = JsonNode.Parse((string)plan.Inputs(Rule, "release-guard-alarms")["eventPattern"]!)!;
        var matched = Strings(pattern["detail"]!["alarmName"]!);
        Assert.Equal(matched.Count, matched.Distinct().Count());
        Assert.Equal(watched.Order(), matched.Order());
        Assert.Equal(["ALARM"], Strings(pattern["detail"]!["state"]!["value"]!));
        var config = GuardConfig(plan);
        Assert.Equal(watched.Order(), config["alarms"]!.AsObject().Select(a => a.Key).Order());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_guard_moves_the_default_service_on_its_listener_and_the_others_on_their_rules(string stack, string listener)
    {
        var plan = await ComponentPlan.OfStackFileAsync(RepoPaths.StackFile(stack));

        var services = GuardConfig(plan)["services"]!;
        Assert.Equal(("listener", ComponentPlan.Token("aws:lb/listener:Listener", listener, "arn")),
            ((string)services["web"]!["kind"]!, (string)services["web"]!["arn"]!));
        Assert.Equal(("rule", ComponentPlan.Token("aws:lb/listenerRule:ListenerRule", "alb-api-rule", "arn")),
            ((string)services["api"]!["kind"]!, (string)services["api"]!["arn"]!));
        Assert.Equal(ComponentPlan.Token("aws:lb/targetGroup:TargetGroup", "alb-api-tg-green", "arn"), (string)services["api"]!["targetGroups"]!["green"]!);
        Assert.Equal(ComponentPlan.Token("aws:sns/topic:Topic", "alerting-critical", "arn"), (string)GuardConfig(plan)["criticalTopicArn"]!);
    }

    [Fact]
    public async Task A_stack_that_turns_the_guard_off_declares_none_of_it()
    {
        var path = Path.Combine(_folder, "Pulumi.staging.yaml");
        var text = await File.ReadAllTextAsync(RepoPaths.StackFile("staging"));
        await File.WriteAllTextAsync(path, text.TrimEnd() + "\n  infra:releaseGuard:\n    enabled: false\n");

        var plan = await ComponentPlan.OfStackFileAsync(path);

        Assert.Empty(plan.OfType(GuardType));
        Assert.DoesNotContain(plan.Resources, r => ((string)r["name"]!).StartsWith("release-guard", StringComparison.Ordinal));
        Assert.Empty(plan.OfType(Rule));
        Assert.Empty(plan.OfType("aws:sqs/queue:Queue"));
        Assert.NotEmpty(plan.OfType("aws:lb/listener:Listener"));
    }

    private static JsonNode GuardConfig(ComponentPlan plan) =>
        JsonNode.Parse((string)JsonNode.Parse((string)plan.Inputs(TableItem, "release-guard-config")["item"]!)!["config"]!["S"]!)!;

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(n => (string)n!).ToList();
}
