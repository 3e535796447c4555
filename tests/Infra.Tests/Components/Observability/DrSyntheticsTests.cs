using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using Infra.Tests.Support;
using Pulumi;
using Pulumi.Aws;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

/// <summary>
/// Issue 17 item 3, "and DR when promoted": while the DR region is promoted each journey also runs there, as its own
/// canary with its own bucket under the DR provider, with an alarm of the DR region's catalog that notifies the DR
/// topics and gates nothing. Not promoted, nothing of it exists.
/// </summary>
public class DrSyntheticsTests
{
    private const string Canary = "aws:synthetics/canary:Canary";
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string DrProviderUrn = "urn:pulumi:production::infra::pulumi:providers:aws::aws-dr";
    private const string DrTopic = "arn:aws:sns:eu-central-1:123456789012:dr-topic-high";

    private static StackSettings Promoted(StackSettings settings) => settings with { Dr = settings.Dr with { Promote = true } };

    private static string Token(string type, string name, string output) => ComponentPlan.Token(type, name, output);

    [Fact]
    public void Promoted_each_journey_has_a_dr_alarm_on_its_dr_canary_that_gates_nothing_and_the_primarys_still_gates()
    {
        var alarms = Catalog(Promoted(Production)).Alarms.Where(a => a.Key == AlarmKeys.SyntheticSuccessPercent).ToList();

        Assert.Equal(["infra-production-journey-signin", "infra-production-dr-journey-signin"], alarms.Select(a => a.Name));
        var (primary, dr) = (alarms[0], alarms[1]);
        Assert.Equal((AlarmRegion.Primary, true), (primary.Region, primary.GatesRollout));
        Assert.Equal((AlarmRegion.Dr, false), (dr.Region, dr.GatesRollout));
        Assert.Equal(new SingleMetric(new MetricStat("CloudWatchSynthetics", "SuccessPercent",
            ValueList.Of(new Dimension("CanaryName", new CanaryRef("production-dr-signin"))), "Average")), dr.Signal);
        Assert.Equal((300, 2, 2, 90.0, Severity.High, "api"), (dr.PeriodSeconds, dr.EvaluationPeriods, dr.DatapointsToAlarm, dr.Threshold, dr.Severity, dr.Service));
        Assert.Equal("journey signin in the promoted DR region (eu-central-1): the synthetic journey from api/health failed twice in a row. " +
            "Open the canary production-dr-signin in CloudWatch Synthetics for the failing step, its screenshots and logs.", dr.Description);
    }

    [Fact]
    public void Not_promoted_no_journey_alarm_or_canary_is_of_the_dr_region()
    {
        Assert.False(Production.Dr.Promote);
        Assert.DoesNotContain(Catalog(Production).Alarms, a => a.Key == AlarmKeys.SyntheticSuccessPercent && a.Region == AlarmRegion.Dr);
        Assert.Equal(["production-signin"], SyntheticsAlarms.Canaries(Production));
        Assert.Equal(["production-signin", "production-dr-signin"], SyntheticsAlarms.Canaries(Promoted(Production)));
        Assert.Contains(new CanaryRef("production-dr-signin"), DashboardBody.References(Promoted(Production)));
    }

    [Fact]
    public async Task The_dr_catalog_declares_the_journey_alarm_notifying_the_dr_high_topic_and_the_primary_catalog_does_not()
    {
        var settings = Promoted(Production);
        AlarmCatalog? drCatalog = null;
        var plan = await ComponentPlan.RunAsync(() =>
        {
            var dr = new Provider("aws-dr", new ProviderArgs { Region = "eu-central-1" });
            _ = new AlarmCatalog("alarms", new AlarmCatalogArgs
            {
                Settings = settings, TopicArns = Topics(), Dimensions = Dimensions(settings), ServiceLogGroupNames = LogGroups(settings),
            });
            drCatalog = new AlarmCatalog("alarms-dr", new AlarmCatalogArgs
            {
                Settings = settings,
                TopicArns = Enum.GetValues<Severity>().ToDictionary(s => s, s => (Input<string>)DrTopic.Replace("high", s.ToConfigName())),
                Dimensions = Dimensions(settings),
                ServiceLogGroupNames = LogGroups(settings),
                Region = AlarmRegion.Dr,
            }, new ComponentResourceOptions { Provider = dr });
        }, settings.StackName);

        var alarm = plan.Resource(Alarm, "alarms-dr-dr-journey-signin");
        var inputs = alarm["inputs"]!;
        Assert.Equal(DrProviderUrn, (string)alarm["provider"]!);
        Assert.Equal(("infra-production-dr-journey-signin", "production-dr-signin"), ((string)inputs["name"]!, (string)inputs["dimensions"]!["CanaryName"]!));
        Assert.Equal([DrTopic], inputs["alarmActions"]!.AsArray().Select(t => (string)t!));
        Assert.Equal([DrTopic], inputs["okActions"]!.AsArray().Select(t => (string)t!));
        Assert.DoesNotContain(plan.OfType(Alarm), a => (string)a["name"]! == "alarms-dr-journey-signin");
        Assert.Equal("production-signin", (string)plan.Inputs(Alarm, "alarms-journey-signin")["dimensions"]!["CanaryName"]!);
        Assert.All(drCatalog!.GateAlarmNames.Values.SelectMany(colors => colors.Blue.Concat(colors.Green)),
            gate => Assert.NotEqual("infra-production-dr-journey-signin", gate));
    }

    [Fact]
    public async Task The_dr_canary_runs_under_the_dr_provider_with_its_own_private_expiring_bucket_code_and_role()
    {
        var settings = Promoted(Production);
        var plan = await ComponentPlan.RunAsync(() =>
        {
            var dr = new Provider("aws-dr", new ProviderArgs { Region = "eu-central-1" });
            _ = new SyntheticJourneys("dr-synthetics", new SyntheticJourneysArgs
            {
                Settings = settings,
                ServiceOrigins = new Dictionary<string, Output<string>> { ["api"] = Output.Create("https://api.example.com") },
                Region = AlarmRegion.Dr,
            }, new ComponentResourceOptions { Provider = dr });
        }, settings.StackName);

        var canary = plan.Inputs(Canary, "dr-synthetics-signin");
        Assert.Equal("production-dr-signin", (string)canary["name"]!);
        Assert.Equal("https://api.example.com", (string)canary["runConfig"]!["environmentVariables"]!["JOURNEY_ORIGIN"]!);
        var artifacts = Token(Bucket, "dr-synthetics-artifacts", "id");
        Assert.Equal((artifacts, $"s3://{artifacts}/canary/signin", "SSE_S3"),
            ((string)canary["s3Bucket"]!, (string)canary["artifactS3Location"]!, (string)canary["artifactConfig"]!["s3Encryption"]!["encryptionMode"]!));
        Assert.Equal(Token("aws:iam/role:Role", "dr-synthetics-role", "arn"), (string)canary["executionRoleArn"]!);
        Assert.Equal(artifacts, (string)plan.Inputs("aws:s3/bucketObjectv2:BucketObjectv2", "dr-synthetics-signin-code")["bucket"]!);
        // Every AWS resource of the component is of the DR region (the role is global, the provider's all the same).
        Assert.All(plan.Resources.Where(r => (bool)r["custom"]! && !((string)r["type"]!).StartsWith("pulumi:providers:", StringComparison.Ordinal)),
            r => Assert.Equal(DrProviderUrn, (string)r["provider"]!));

        var policy = JsonNode.Parse((string)plan.Inputs("aws:iam/rolePolicy:RolePolicy", "dr-synthetics-permissions")["policy"]!)!;
        Assert.Equal($"{Token(Bucket, "dr-synthetics-artifacts", "arn")}/canary/*", (string)policy["Statement"]![0]!["Resource"]![0]!);
        var block = plan.Inputs("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "dr-synthetics-artifacts-public-access");
        Assert.Equal((true, true, true, true), ((bool)block["blockPublicAcls"]!, (bool)block["blockPublicPolicy"]!, (bool)block["ignorePublicAcls"]!, (bool)block["restrictPublicBuckets"]!));
        Assert.Equal("AES256", (string)plan.Inputs("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "dr-synthetics-artifacts-encryption")["rules"]![0]!["applyServerSideEncryptionByDefault"]!["sseAlgorithm"]!);
        Assert.Equal(30L, (long)plan.Inputs("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            "dr-synthetics-artifacts-lifecycle")["rules"]![0]!["expiration"]!["days"]!);
        Assert.False((bool)plan.Resource(Bucket, "dr-synthetics-artifacts")["retainOnDelete"]!);
        // Fail-back removes it; its run artifacts must not make that update fail.
        Assert.True((bool)plan.Inputs(Bucket, "dr-synthetics-artifacts")["forceDestroy"]!);
    }
}
