using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using Infra.Tests.Support;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

/// <summary>Per service and severity one composite "unhealthy" alarm notifies for its error, latency and host alarms.</summary>
public class CompositeAlarmTests
{
    private const string AlarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string CompositeType = "aws:cloudwatch/compositeAlarm:CompositeAlarm";

    private static Task<ComponentPlan> PlanAsync(StackSettings settings) =>
        ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", new AlarmCatalogArgs
        {
            Settings = settings,
            TopicArns = Topics(),
            Dimensions = Dimensions(settings),
            ServiceLogGroupNames = LogGroups(settings),
        }));

    private static string[] Strings(JsonNode? node) => node?.AsArray().Select(n => (string)n!).ToArray() ?? [];

    [Fact]
    public async Task Each_service_has_one_composite_per_severity_whose_rule_is_any_of_its_error_latency_and_host_alarms_of_it()
    {
        var plan = await PlanAsync(Staging);

        Assert.Equal(
            Staging.Services.SelectMany(s => new[] { $"infra-staging-{s.Name}-unhealthy-critical", $"infra-staging-{s.Name}-unhealthy-high" })
                .Append("infra-staging-critical").Order(StringComparer.Ordinal),
            plan.OfType(CompositeType).Select(c => (string)c["inputs"]!["alarmName"]!).Order(StringComparer.Ordinal));
        var critical = plan.Inputs(CompositeType, "alarms-web-unhealthy-critical");
        Assert.Equal("ALARM(\"infra-staging-web-error-rate\")", (string)critical["alarmRule"]!);
        Assert.Equal([TopicArn(Severity.Critical)], Strings(critical["alarmActions"]));
        Assert.Equal([TopicArn(Severity.Critical)], Strings(critical["okActions"]));
        var high = plan.Inputs(CompositeType, "alarms-web-unhealthy-high");
        Assert.Equal(
            "ALARM(\"infra-staging-web-p95-latency\") OR ALARM(\"infra-staging-web-p99-latency\") OR " +
            "ALARM(\"infra-staging-web-running-tasks-low\") OR ALARM(\"infra-staging-web-blue-error-rate\") OR ALARM(\"infra-staging-web-blue-p99-latency\") OR " +
            "ALARM(\"infra-staging-web-blue-unhealthy-hosts\") OR ALARM(\"infra-staging-web-green-error-rate\") OR ALARM(\"infra-staging-web-green-p99-latency\") OR " +
            "ALARM(\"infra-staging-web-green-unhealthy-hosts\")",
            (string)high["alarmRule"]!);
        // A new color's gate tripping is high: it reaches the high topic, never the critical topic's pager.
        Assert.Equal([TopicArn(Severity.High)], Strings(high["alarmActions"]));
        Assert.Equal([TopicArn(Severity.High)], Strings(high["okActions"]));
        Assert.Equal("infra-staging-web-unhealthy-high", (string)high["tags"]!["Name"]!);
    }

    [Fact]
    public async Task The_composite_is_created_after_its_members_which_its_rule_names()
    {
        var plan = await PlanAsync(Staging);

        var dependsOn = Strings(plan.Resource(CompositeType, "alarms-web-unhealthy-high")["dependsOn"]);
        var members = new[] { "web-p95-latency", "web-p99-latency", "web-running-tasks-low", "web-blue-error-rate",
            "web-blue-p99-latency", "web-blue-unhealthy-hosts", "web-green-error-rate", "web-green-p99-latency", "web-green-unhealthy-hosts" };
        Assert.Equal(members.Select(m => plan.Urn(AlarmType, $"alarms-{m}")).Order(StringComparer.Ordinal), dependsOn.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Members_keep_their_state_without_actions_and_every_other_alarm_still_notifies()
    {
        var plan = await PlanAsync(Staging);

        foreach (var member in new[] { "web-blue-error-rate", "web-error-rate", "web-running-tasks-low", "web-p95-latency" })
        {
            var inputs = plan.Inputs(AlarmType, $"alarms-{member}");
            Assert.Empty(Strings(inputs["alarmActions"]));
            Assert.Empty(Strings(inputs["okActions"]));
        }
        Assert.Equal([TopicArn(Severity.Medium)], Strings(plan.Inputs(AlarmType, "alarms-web-memory-high")["alarmActions"]));
    }

    [Fact]
    public async Task A_member_the_catalog_marks_notify_true_notifies_on_its_own_as_well()
    {
        var plan = await PlanAsync(Staging.WithOverride(AlarmKeys.ColorErrorRate, Override(notify: true)));

        foreach (var color in new[] { "blue", "green" })
            Assert.Equal([TopicArn(Severity.High)], Strings(plan.Inputs(AlarmType, $"alarms-web-{color}-error-rate")["alarmActions"]));
        Assert.Empty(Strings(plan.Inputs(AlarmType, "alarms-web-error-rate")["alarmActions"]));
        Assert.Contains("ALARM(\"infra-staging-web-blue-error-rate\")", (string)plan.Inputs(CompositeType, "alarms-web-unhealthy-high")["alarmRule"]!);
    }

    [Fact]
    public async Task Notify_false_silences_an_alarm_outside_any_composite()
    {
        var plan = await PlanAsync(Staging.WithOverride(AlarmKeys.EcsMemoryHigh, Override(notify: false)));

        Assert.Empty(Strings(plan.Inputs(AlarmType, "alarms-web-memory-high")["alarmActions"]));
    }

    [Fact]
    public void Membership_is_the_error_latency_and_host_keys_and_gates_stay_in_the_rollout_lists()
    {
        Assert.Equal(
            new[] { AlarmKeys.ColorErrorRate, AlarmKeys.ColorResponseTimeP99, AlarmKeys.ColorUnhealthyHosts, AlarmKeys.EcsRunningTasksLow,
                AlarmKeys.TargetErrorRate, AlarmKeys.TargetResponseTimeP95, AlarmKeys.TargetResponseTimeP99 },
            ServiceHealth.MemberKeys.Order(StringComparer.Ordinal));
        var gates = Catalog(Staging).Alarms.Where(a => a.GatesRollout).ToList();
        Assert.NotEmpty(gates);
        Assert.All(gates, g => Assert.False(g.Notify));
    }

    [Fact]
    public async Task The_stacks_critical_composite_names_each_services_critical_composite_and_the_stack_wide_critical_alarms_for_any_number_of_services()
    {
        // Seven services: fourteen critical alarms, more than AppConfig's five monitors, all behind one composite.
        var services = Enumerable.Range(1, 7).Select(i => Staging.Services[0] with { Name = $"svc{i}" }).ToValueList();
        var plan = await PlanAsync(Staging with { Services = services });

        var critical = plan.Inputs(CompositeType, "alarms-critical");
        Assert.Equal("infra-staging-critical", (string)critical["alarmName"]!);
        Assert.Equal(
            string.Join(" OR ", services.Select(s => $"ALARM(\"infra-staging-{s.Name}-unhealthy-critical\")")
                .Append("ALARM(\"infra-staging-db-connection-errors\")")),
            (string)critical["alarmRule"]!);
        // It exists for AppConfig: its children already notify.
        Assert.Empty(Strings(critical["alarmActions"]));
        Assert.Empty(Strings(critical["okActions"]));
        var dependsOn = Strings(plan.Resource(CompositeType, "alarms-critical")["dependsOn"]);
        Assert.Contains(plan.Urn(CompositeType, "alarms-svc7-unhealthy-critical"), dependsOn);
        Assert.Contains(plan.Urn(AlarmType, "alarms-db-connection-errors"), dependsOn);
    }

    [Fact]
    public void Without_a_critical_alarm_there_is_no_stack_composite_and_past_a_hundred_children_it_is_refused()
    {
        var naming = Naming(Staging);
        Assert.Null(StackCritical.For([], [], naming));

        var alarms = Enumerable.Range(1, 101).Select(i => Catalog(Staging).Alarms.First(a => a.Service is null && a.Severity == Severity.Critical)
            with { Name = $"infra-staging-stack-{i}" }).ToList();
        var error = Assert.Throws<InvalidOperationException>(() => StackCritical.For(alarms, [], naming));
        Assert.Equal("the stack's critical composite alarm would name 101 alarms and CloudWatch allows 100; lower some with infra:alarms.<key>.severity",
            error.Message);
    }

    [Fact]
    public void The_dashboard_shows_the_composites_first()
    {
        var alarms = Catalog(Staging).Alarms;
        var composites = new[] { "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:infra-staging-web-unhealthy-critical" };
        var body = JsonNode.Parse(new DashboardBody(Staging, alarms,
            DashboardBody.References(Staging).ToDictionary(r => r, ValueOf),
            alarms.ToDictionary(a => a.Name, a => $"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:{a.Name}"),
            composites).ToJson())!;

        var first = body["widgets"]![0]!;
        Assert.Equal(("alarm", "Service health (these notify for their members)"), ((string)first["type"]!, (string)first["properties"]!["title"]!));
        Assert.Equal(composites, Strings(first["properties"]!["alarms"]));
        Assert.Equal("Alarms", (string)body["widgets"]![1]!["properties"]!["title"]!);
    }
}
