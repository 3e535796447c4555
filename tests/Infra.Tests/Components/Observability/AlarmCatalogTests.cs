using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

public class AlarmCatalogTests
{
    private const string AlarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string FilterType = "aws:cloudwatch/logMetricFilter:LogMetricFilter";

    private static AlarmCatalogArgs Args(StackSettings settings) => new()
    {
        Settings = settings,
        TopicArns = Topics(),
        Dimensions = Dimensions(settings),
        ServiceLogGroupNames = LogGroups(settings),
    };

    [Fact]
    public async Task Every_notifying_alarm_sends_alarm_and_ok_actions_to_the_topic_of_its_severity_and_composite_members_none()
    {
        var plan = await ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", Args(Production)));

        var expected = Catalog(Production).Alarms.Where(a => a.Region == AlarmRegion.Primary).ToList();
        var alarms = plan.OfType(AlarmType);
        Assert.Equal(expected.Select(a => a.Name).Order(StringComparer.Ordinal),
            alarms.Select(a => (string)a["inputs"]!["name"]!).Order(StringComparer.Ordinal));
        foreach (var definition in expected)
        {
            var inputs = alarms.Single(a => (string)a["inputs"]!["name"]! == definition.Name)["inputs"]!;
            string[] topics = definition.Notify ? [TopicArn(definition.Severity)] : [];
            Assert.Equal(topics, Strings(inputs["alarmActions"]));
            Assert.Equal(topics, Strings(inputs["okActions"]));
        }
        Assert.Contains(expected, a => !a.Notify);
        Assert.Contains(expected, a => a.Notify);
    }

    [Fact]
    public async Task Math_alarm_reads_metric_queries_with_resolved_dimensions_and_no_alarm_level_period()
    {
        var plan = await ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", Args(Staging)));

        var inputs = plan.Inputs(AlarmType, "alarms-web-blue-error-rate");
        Assert.Null(inputs["period"]);
        Assert.Null(inputs["metricName"]);
        Assert.Equal(("GreaterThanThreshold", 10.0, 2L, 2L, "notBreaching"),
            ((string)inputs["comparisonOperator"]!, (double)inputs["threshold"]!, (long)inputs["evaluationPeriods"]!,
                (long)inputs["datapointsToAlarm"]!, (string)inputs["treatMissingData"]!));
        var queries = inputs["metricQueries"]!.AsArray();
        Assert.Equal(["errors", "requests", "error_rate"], queries.Select(q => (string)q!["id"]!));
        Assert.Equal("100 * (FILL(errors, 0)) / (FILL(requests, 0))", (string)queries[2]!["expression"]!);
        Assert.True((bool)queries[2]!["returnData"]!);
        var errors = queries[0]!["metric"]!;
        Assert.Equal(("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", 60L, "Sum"),
            ((string)errors["namespace"]!, (string)errors["metricName"]!, (long)errors["period"]!, (string)errors["stat"]!));
        Assert.Equal("targetgroup/web-blue/1", (string)errors["dimensions"]!["TargetGroup"]!);
        Assert.Equal("app/alb/1", (string)errors["dimensions"]!["LoadBalancer"]!);
        Assert.False((bool)queries[0]!["returnData"]!);
    }

    [Fact]
    public async Task Percentile_alarm_uses_an_extended_statistic()
    {
        var plan = await ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", Args(Staging)));

        var inputs = plan.Inputs(AlarmType, "alarms-web-green-p99-latency");
        Assert.Equal(("p99", "TargetResponseTime", 60L), ((string)inputs["extendedStatistic"]!, (string)inputs["metricName"]!, (long)inputs["period"]!));
        Assert.Null(inputs["statistic"]);
        Assert.Equal("targetgroup/web-green/1", (string)inputs["dimensions"]!["TargetGroup"]!);
        var unhealthy = plan.Inputs(AlarmType, "alarms-web-green-unhealthy-hosts");
        Assert.Equal("Maximum", (string)unhealthy["statistic"]!);
    }

    [Fact]
    public async Task Alarms_are_tagged_and_parented_to_the_catalog()
    {
        var plan = await ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", Args(Staging)));

        var alarm = plan.Resource(AlarmType, "alarms-db-cpu-high");
        Assert.Equal(plan.Urn("infra:observability:AlarmCatalog", "alarms"), (string)alarm["parent"]!);
        var tags = alarm["inputs"]!["tags"]!;
        Assert.Equal(("infra-staging-db-cpu-high", "staging", "pulumi"),
            ((string)tags["Name"]!, (string)tags["Stack"]!, (string)tags["ManagedBy"]!));
    }

    [Fact]
    public async Task Each_service_log_group_feeds_the_connection_error_metric()
    {
        var plan = await ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", Args(Production)));

        foreach (var service in new[] { "web", "api" })
        {
            var inputs = plan.Inputs(FilterType, $"alarms-{service}-DatabaseConnectionErrors");
            Assert.Equal($"/ecs/{service}", (string)inputs["logGroupName"]!);
            Assert.Equal(DatabaseAlarms.DefaultConnectionErrorPattern, (string)inputs["pattern"]!);
            var metric = inputs["metricTransformation"]!;
            Assert.Equal(("DatabaseConnectionErrors", "Infra/production", "1", "0"),
                ((string)metric["name"]!, (string)metric["namespace"]!, (string)metric["value"]!, (string)metric["defaultValue"]!));
        }
        var alarm = plan.Inputs(AlarmType, "alarms-db-connection-errors");
        Assert.Equal(("Infra/production", "DatabaseConnectionErrors"), ((string)alarm["namespace"]!, (string)alarm["metricName"]!));
    }

    [Fact]
    public async Task Without_a_pilot_light_the_dr_catalog_declares_only_the_replica_alarm_and_no_log_filters()
    {
        var replicaOnly = Production with { Dr = Production.Dr with { PilotLight = false } };
        var plan = await ComponentPlan.RunAsync(() => new AlarmCatalog("alarms-dr", new AlarmCatalogArgs
        {
            Settings = replicaOnly, TopicArns = Topics(), Dimensions = Dimensions(replicaOnly), Region = AlarmRegion.Dr,
        }));

        var alarm = Assert.Single(plan.OfType(AlarmType));
        Assert.Equal("infra-production-db-replica-lag", (string)alarm["inputs"]!["name"]!);
        Assert.Equal("db-replica", (string)alarm["inputs"]!["dimensions"]!["DBInstanceIdentifier"]!);
        Assert.Equal([TopicArn(Severity.High)], Strings(alarm["inputs"]!["alarmActions"]));
        Assert.Empty(plan.OfType(FilterType));
    }

    [Fact]
    public async Task With_a_pilot_light_the_dr_catalog_also_watches_its_services_and_load_balancer_with_the_primarys_definitions()
    {
        AlarmCatalog? primary = null, dr = null;
        var plan = await ComponentPlan.RunAsync(() =>
        {
            primary = new AlarmCatalog("alarms", new AlarmCatalogArgs
            {
                Settings = Production, TopicArns = Topics(), Dimensions = Dimensions(Production), ServiceLogGroupNames = LogGroups(Production),
            });
            dr = new AlarmCatalog("alarms-dr", new AlarmCatalogArgs
            {
                Settings = Production, TopicArns = Topics(), Dimensions = Dimensions(Production), Region = AlarmRegion.Dr,
            });
        });

        // Synthetic journeys run from the primary region only.
        var perService = primary!.Alarms.Where(a => (a.Service is not null || a.Key.StartsWith("alb", StringComparison.Ordinal))
            && a.Key != Infra.Stacks.Validation.AlarmKeys.SyntheticSuccessPercent).ToList();
        var expected = perService.Select(a => a with { Name = a.Name.Replace("infra-production-", "infra-production-dr-"), Region = AlarmRegion.Dr })
            .Append(Catalog(Production).Alarms.Single(a => a.Region == AlarmRegion.Dr));
        Assert.Equal(expected.Select(a => a.Name).Order(StringComparer.Ordinal), dr!.Alarms.Select(a => a.Name).Order(StringComparer.Ordinal));
        // Same definitions, overrides included (production raises targetErrorRate's evaluation periods to 3).
        Assert.Equal(expected.Where(a => a.Service is not null).Select(a => (a.Name, a.Threshold, a.EvaluationPeriods, a.Severity, a.GatesRollout)).Order(),
            dr.Alarms.Where(a => a.Service is not null).Select(a => (a.Name, a.Threshold, a.EvaluationPeriods, a.Severity, a.GatesRollout)).Order());
        Assert.Equal(3L, (long)plan.Inputs(AlarmType, "alarms-dr-dr-web-error-rate")["evaluationPeriods"]!);
        Assert.DoesNotContain(primary.Alarms, a => a.Name.StartsWith("infra-production-dr-", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.OfType(FilterType), f => ((string)f["name"]!).StartsWith("alarms-dr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Names_by_severity_gates_and_critical_alarms_are_known_at_construction()
    {
        AlarmCatalog? catalog = null;
        await ComponentPlan.RunAsync(() => catalog = new AlarmCatalog("alarms", Args(Production)));

        Assert.Equal(["infra-production-web-green-error-rate", "infra-production-web-green-p99-latency", "infra-production-web-green-unhealthy-hosts"],
            catalog!.GateAlarmNames["web"].Green);
        // The production file's sign-in journey gates api's rollouts, whichever color they move traffic to.
        Assert.Equal(["infra-production-api-blue-error-rate", "infra-production-api-blue-p99-latency", "infra-production-api-blue-unhealthy-hosts",
                "infra-production-journey-signin"],
            catalog.ExportedGateAlarmNames()["api"]["blue"].AsEnumerable());
        // A rollout of a service watches its own critical alarms and the stack-wide ones.
        Assert.Equal(["infra-production-web-error-rate", "infra-production-db-connection-errors"], catalog.CriticalAlarmNames["web"]);
        Assert.Equal(["infra-production-web-error-rate", "infra-production-api-error-rate", "infra-production-db-connection-errors"],
            catalog.AlarmNamesBySeverity[Severity.Critical]);
        Assert.Equal(catalog.Alarms.Select(a => a.Name), catalog.AlarmArns.Keys);
    }

    [Fact]
    public async Task Missing_topic_is_an_argument_error()
    {
        var message = await ProgramFailure.ArgumentMessageAsync(() => ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", new AlarmCatalogArgs
        {
            Settings = Staging, TopicArns = Topics().Where(t => t.Key != Severity.Low).ToDictionary(),
            Dimensions = Dimensions(Staging), ServiceLogGroupNames = LogGroups(Staging),
        })));

        Assert.Equal("TopicArns has no topic for low; pass the Alerting component's TopicArns (Parameter 'args')", message);
    }

    [Fact]
    public async Task Missing_service_log_group_is_an_argument_error()
    {
        var message = await ProgramFailure.ArgumentMessageAsync(() => ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", new AlarmCatalogArgs
        {
            Settings = Production, TopicArns = Topics(), Dimensions = Dimensions(Production),
            ServiceLogGroupNames = new Dictionary<string, Pulumi.Input<string>> { ["web"] = "/ecs/web" },
        })));

        Assert.Equal("ServiceLogGroupNames has no log group for service 'api'; the databaseConnectionErrors alarm reads " +
                     "every service's logs (Parameter 'args')", message);
    }

    [Fact]
    public async Task Missing_target_group_of_a_service_is_an_argument_error()
    {
        var dimensions = Dimensions(Production);
        var message = await ProgramFailure.ArgumentMessageAsync(() => ComponentPlan.RunAsync(() => new AlarmCatalog("alarms", new AlarmCatalogArgs
        {
            Settings = Production, TopicArns = Topics(), ServiceLogGroupNames = LogGroups(Production),
            Dimensions = new MetricDimensions
            {
                LoadBalancerArnSuffix = dimensions.LoadBalancerArnSuffix,
                TargetGroupArnSuffixes = dimensions.TargetGroupArnSuffixes.Where(p => p.Key == "web").ToDictionary(),
                ClusterName = dimensions.ClusterName,
                EcsServiceNames = dimensions.EcsServiceNames,
                PrimaryDbInstanceId = dimensions.PrimaryDbInstanceId,
            },
        })));

        Assert.Equal("TargetGroupArnSuffixes has no entry for service 'api'; pass one per service in the stack (Parameter 'args')", message);
    }

    private static string[] Strings(JsonNode? array) => array?.AsArray().Select(n => (string)n!).ToArray() ?? [];
}
