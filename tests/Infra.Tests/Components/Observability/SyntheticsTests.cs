using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

/// <summary>
/// Issue 17 item 3, the parts without Pulumi: a journey's alarm in the catalog (and as a gate), the journey document
/// the canary script walks, the canaries' least-privilege policy and the schedule expression.
/// </summary>
public class SyntheticsTests
{
    private static SyntheticJourneySettings Journey(string name = "signin", string? url = null, string? service = "api", bool gate = false,
        string every = "5m") =>
        new(name, url, service, service is null ? null : "/health", every, 200, ValueList.Of(new JourneyStep("/v1/session", 401)), gate);

    private static StackSettings With(params SyntheticJourneySettings[] journeys) => Production with { Synthetics = journeys.ToValueList() };

    [Fact]
    public void A_journey_alarms_when_its_canary_succeeds_less_than_90_percent_over_two_runs()
    {
        var alarm = Assert.Single(Catalog(With(Journey(every: "10m"))).Alarms, a => a.Key == AlarmKeys.SyntheticSuccessPercent);

        Assert.Equal("infra-production-journey-signin", alarm.Name);
        Assert.Equal(new SingleMetric(new MetricStat("CloudWatchSynthetics", "SuccessPercent",
            ValueList.Of(new Dimension("CanaryName", new CanaryRef("production-signin"))), "Average")), alarm.Signal);
        Assert.Equal((600, 2, 2, 90.0, Comparison.LessThanThreshold, MissingData.NotBreaching, Severity.High),
            (alarm.PeriodSeconds, alarm.EvaluationPeriods, alarm.DatapointsToAlarm, alarm.Threshold, alarm.Comparison, alarm.TreatMissingData, alarm.Severity));
        Assert.Equal(("api", (Color?)null, false), (alarm.Service, alarm.Color, alarm.GatesRollout));
    }

    [Fact]
    public async Task A_gating_journey_of_a_service_gates_both_colors_of_that_service_only()
    {
        var gates = await GatesOf(With(Journey(gate: true)));

        Assert.Contains("infra-production-journey-signin", gates["api"].Blue);
        Assert.Contains("infra-production-journey-signin", gates["api"].Green);
        Assert.DoesNotContain("infra-production-journey-signin", gates["web"].Blue);
        Assert.DoesNotContain("infra-production-journey-signin", gates["web"].Green);
    }

    [Fact]
    public async Task A_gating_journey_by_url_gates_every_service_and_a_journey_without_gate_gates_none()
    {
        var gates = await GatesOf(With(Journey("shop", url: "https://shop.example.com/", service: null, gate: true), Journey("quiet")));

        foreach (var service in new[] { "web", "api" })
        foreach (var color in Enum.GetValues<Color>())
        {
            Assert.Contains("infra-production-journey-shop", gates[service][color]);
            Assert.DoesNotContain("infra-production-journey-quiet", gates[service][color]);
        }
    }

    [Fact]
    public void The_dashboard_resolves_every_canary()
    {
        var references = DashboardBody.References(With(Journey(), Journey("home", service: "web")));

        Assert.Contains(new CanaryRef("production-signin"), references);
        Assert.Contains(new CanaryRef("production-home"), references);
    }

    [Fact]
    public void The_journey_document_lists_the_start_and_the_steps_and_an_origin_only_for_a_url()
    {
        Assert.Equal(
            """{"name":"signin","origin":null,"steps":[{"path":"/health","expectStatus":200},{"path":"/v1/session","expectStatus":401}]}""",
            JourneyDocument.For(Journey()));
        Assert.Equal(
            """{"name":"shop","origin":"https://shop.example.com:8443","steps":[{"path":"/cart?x=1","expectStatus":200},{"path":"/v1/session","expectStatus":401}]}""",
            JourneyDocument.For(Journey("shop", url: "https://shop.example.com:8443/cart?x=1", service: null)));
    }

    [Fact]
    public void The_canary_role_writes_only_its_artifacts_and_synthetics_metrics_and_no_log_group_on_an_aws_owned_key()
    {
        var policy = JsonNode.Parse(SyntheticsPolicy.For("arn:aws:s3:::infra-production-synthetics-artifacts-1").ToJson())!;

        var statements = policy["Statement"]!.AsArray().ToDictionary(s => (string)s!["Sid"]!, s => s!);
        Assert.Equal(["WriteArtifacts", "LocateArtifactBucket", "ListBuckets", "PublishSyntheticsMetrics"], statements.Keys);
        Assert.DoesNotContain("logs:", policy.ToJsonString());
        Assert.All(statements.Values, s => Assert.Equal("Allow", (string)s["Effect"]!));
        Assert.Equal("""["s3:PutObject"]""", statements["WriteArtifacts"]["Action"]!.ToJsonString());
        Assert.Equal("""["arn:aws:s3:::infra-production-synthetics-artifacts-1/canary/*"]""", statements["WriteArtifacts"]["Resource"]!.ToJsonString());
        Assert.Equal("""{"StringEquals":{"cloudwatch:namespace":["CloudWatchSynthetics"]}}""", statements["PublishSyntheticsMetrics"]["Condition"]!.ToJsonString());
        // Only listing buckets and publishing metrics (limited by namespace) are not narrowed to a resource.
        Assert.Equal(["ListBuckets", "PublishSyntheticsMetrics"],
            statements.Where(s => s.Value["Resource"]!.ToJsonString() == """["*"]""").Select(s => s.Key));
    }

    [Theory]
    [InlineData(1, "rate(1 minute)")]
    [InlineData(5, "rate(5 minutes)")]
    [InlineData(60, "rate(60 minutes)")]
    public void The_schedule_is_a_rate_in_minutes(int minutes, string expression) =>
        Assert.Equal(expression, SyntheticJourneys.RateExpression(minutes));

    /// <summary>The catalog's gate alarm names per service and color, as the runner reads them from the services output.</summary>
    private static async Task<IReadOnlyDictionary<string, ColorPair<IReadOnlyList<string>>>> GatesOf(StackSettings settings)
    {
        AlarmCatalog? catalog = null;
        await Support.ComponentPlan.RunAsync(() => catalog = new AlarmCatalog("alarms", new AlarmCatalogArgs
        {
            Settings = settings,
            TopicArns = Topics(),
            Dimensions = Dimensions(settings),
            ServiceLogGroupNames = LogGroups(settings),
        }), settings.StackName);
        return catalog!.GateAlarmNames;
    }
}
