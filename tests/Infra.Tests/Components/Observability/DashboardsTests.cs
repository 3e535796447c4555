using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Tests.Support;
using Pulumi;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

public class DashboardsTests
{
    [Fact]
    public async Task One_dashboard_named_after_the_stack_graphs_every_catalog_alarm_arn()
    {
        var plan = await ComponentPlan.RunAsync(() =>
        {
            var alerting = new Alerting("alerting", new AlertingArgs { Settings = Staging });
            var catalog = new AlarmCatalog("alarms", new AlarmCatalogArgs
            {
                Settings = Staging, Dimensions = Dimensions(Staging), ServiceLogGroupNames = LogGroups(Staging),
                TopicArns = alerting.TopicArns.ToDictionary(p => p.Key, p => (Input<string>)p.Value),
            });
            new Dashboards("dashboards", new DashboardsArgs { Settings = Staging, Dimensions = Dimensions(Staging), AlarmArns = catalog.AlarmArns });
        });

        var inputs = plan.Inputs("aws:cloudwatch/dashboard:Dashboard", "dashboards-main");
        Assert.Equal("infra-staging", (string)inputs["dashboardName"]!);
        var body = JsonNode.Parse((string)inputs["dashboardBody"]!)!;
        var status = body["widgets"]!.AsArray().Single(w => (string)w!["type"]! == "alarm")!;
        var expected = plan.OfType("aws:cloudwatch/metricAlarm:MetricAlarm")
            .Select(a => ComponentPlan.Token("aws:cloudwatch/metricAlarm:MetricAlarm", (string)a["name"]!, "arn"));
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            status["properties"]!["alarms"]!.AsArray().Select(a => (string)a!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Missing_alarm_arn_is_an_argument_error()
    {
        var message = await ProgramFailure.ArgumentMessageAsync(() => ComponentPlan.RunAsync(() => new Dashboards("dashboards", new DashboardsArgs
        {
            Settings = Staging, Dimensions = Dimensions(Staging),
            AlarmArns = Catalog(Staging).Alarms.Where(a => a.Name != "infra-staging-alb-elb-5xx")
                .ToDictionary(a => a.Name, a => Output.Create($"arn:{a.Name}")),
        })));

        Assert.Equal("AlarmArns has no ARN for infra-staging-alb-elb-5xx; pass the AlarmArns of every AlarmCatalog " +
                     "(primary and DR) (Parameter 'args')", message);
    }
}
