using System.Text.Json.Nodes;
using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>
/// Issue 17 items 3 to 5 as the production stack file declares them: the sign-in journey's canary and its alarm, the
/// load balancers' access logs, log groups on the region's customer key, and the feature flags' AppConfig resources.
/// </summary>
public sealed class ObservabilityExtrasCompositionTests
{
    private const string Canary = "aws:synthetics/canary:Canary";
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private const string Key = "aws:kms/key:Key";

    private static readonly Lazy<Task<ComponentPlan>> Production = new(() => ComponentPlan.OfStackFileAsync(RepoPaths.StackFile("production")));

    private static string Token(string type, string name, string output) => ComponentPlan.Token(type, name, output);

    [Fact]
    public async Task The_journey_runs_as_a_started_canary_of_the_node_runtime_on_its_schedule_from_its_service_host()
    {
        var plan = await Production.Value;

        var canary = plan.Inputs(Canary, "synthetics-signin");
        Assert.Equal("production-signin", (string)canary["name"]!);
        Assert.Equal("journey.handler", (string)canary["handler"]!);
        Assert.Equal("syn-nodejs-puppeteer-9.1", (string)canary["runtimeVersion"]!);
        Assert.Equal("rate(5 minutes)", (string)canary["schedule"]!["expression"]!);
        Assert.True((bool)canary["startCanary"]!);
        Assert.Equal("https://api.example.com", (string)canary["runConfig"]!["environmentVariables"]!["JOURNEY_ORIGIN"]!);
        Assert.Equal("SSE_S3", (string)canary["artifactConfig"]!["s3Encryption"]!["encryptionMode"]!);
        var artifacts = Token(Bucket, "synthetics-artifacts", "id");
        Assert.Equal($"s3://{artifacts}/canary/signin", (string)canary["artifactS3Location"]!);
        Assert.Equal(artifacts, (string)canary["s3Bucket"]!);
        Assert.Equal((string)plan.Inputs("aws:s3/bucketObjectv2:BucketObjectv2", "synthetics-signin-code")["key"]!, (string)canary["s3Key"]!);
        Assert.Equal(Token("aws:iam/role:Role", "synthetics-role", "arn"), (string)canary["executionRoleArn"]!);
        Assert.StartsWith("code/signin/", (string)plan.Inputs("aws:s3/bucketObjectv2:BucketObjectv2", "synthetics-signin-code")["key"]!);
    }

    [Fact]
    public async Task The_journeys_alarm_is_declared_gates_api_and_is_on_the_dashboard()
    {
        var plan = await Production.Value;

        var alarm = plan.Inputs("aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-journey-signin");
        Assert.Equal(("CloudWatchSynthetics", "SuccessPercent", "production-signin", "LessThanThreshold"),
            ((string)alarm["namespace"]!, (string)alarm["metricName"]!, (string)alarm["dimensions"]!["CanaryName"]!, (string)alarm["comparisonOperator"]!));
        var services = plan.Outputs["services"]!;
        Assert.Contains("infra-production-journey-signin", Strings(services["api"]!["green"]!["gateAlarmNames"]!));
        Assert.DoesNotContain("infra-production-journey-signin", Strings(services["web"]!["green"]!["gateAlarmNames"]!));
        var dashboard = (string)plan.Inputs("aws:cloudwatch/dashboard:Dashboard", "dashboards-main")["dashboardBody"]!;
        Assert.Contains("\"title\":\"infra-production-journey-signin\"", dashboard);
    }

    [Theory]
    [InlineData("synthetics-artifacts", 30)]
    [InlineData("alb-access-logs", 365)]
    [InlineData("dr-alb-access-logs", 365)]
    public async Task Buckets_block_public_access_encrypt_and_expire(string bucket, long days)
    {
        var plan = await Production.Value;

        var id = Token(Bucket, bucket, "id");
        var block = plan.Inputs("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", $"{bucket}-public-access");
        Assert.Equal((id, true, true, true, true), ((string)block["bucket"]!, (bool)block["blockPublicAcls"]!, (bool)block["blockPublicPolicy"]!,
            (bool)block["ignorePublicAcls"]!, (bool)block["restrictPublicBuckets"]!));
        Assert.Equal("BucketOwnerEnforced",
            (string)plan.Inputs("aws:s3/bucketOwnershipControls:BucketOwnershipControls", $"{bucket}-ownership")["rule"]!["objectOwnership"]!);
        var encryption = plan.Inputs("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", $"{bucket}-encryption");
        Assert.Equal("AES256", (string)encryption["rules"]![0]!["applyServerSideEncryptionByDefault"]!["sseAlgorithm"]!);
        var rule = plan.Inputs("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", $"{bucket}-lifecycle")["rules"]![0]!;
        Assert.Equal(("Enabled", days, 1L), ((string)rule["status"]!, (long)rule["expiration"]!["days"]!, (long)rule["abortIncompleteMultipartUpload"]!["daysAfterInitiation"]!));
    }

    [Fact]
    public async Task Production_keeps_its_access_logs_and_each_load_balancer_writes_to_its_regions_bucket()
    {
        var plan = await Production.Value;

        Assert.True((bool)plan.Resource(Bucket, "alb-access-logs")["retainOnDelete"]!);
        Assert.False((bool)plan.Resource(Bucket, "synthetics-artifacts")["retainOnDelete"]!);
        var logs = plan.Inputs("aws:lb/loadBalancer:LoadBalancer", "alb-alb")["accessLogs"]!;
        Assert.Equal((Token(Bucket, "alb-access-logs", "id"), true, "alb"), ((string)logs["bucket"]!, (bool)logs["enabled"]!, (string)logs["prefix"]!));
        Assert.Equal(Token(Bucket, "dr-alb-access-logs", "id"),
            (string)plan.Inputs("aws:lb/loadBalancer:LoadBalancer", "dr-alb-alb")["accessLogs"]!["bucket"]!);
        Assert.Contains("\"arn:aws:iam::156460612806:root\"", (string)plan.Inputs("aws:s3/bucketPolicy:BucketPolicy", "alb-access-logs-policy")["policy"]!);
        Assert.Contains("\"arn:aws:iam::054676820928:root\"", (string)plan.Inputs("aws:s3/bucketPolicy:BucketPolicy", "dr-alb-access-logs-policy")["policy"]!);
    }

    [Fact]
    public async Task Every_log_group_is_encrypted_with_its_regions_rotating_customer_key()
    {
        var plan = await Production.Value;

        foreach (var key in new[] { "logs-key-key", "dr-logs-key-key" })
        {
            var inputs = plan.Inputs(Key, key);
            Assert.True((bool)inputs["enableKeyRotation"]!);
            Assert.True((bool)plan.Resource(Key, key)["retainOnDelete"]!);
        }
        var groups = plan.OfType(LogGroup);
        Assert.NotEmpty(groups);
        Assert.All(groups, group =>
        {
            var name = (string)group["name"]!;
            var expected = name.StartsWith("dr-", StringComparison.Ordinal) || name.StartsWith("alerting-dr", StringComparison.Ordinal) ? "dr-logs-key-key" : "logs-key-key";
            Assert.Equal(Token(Key, expected, "arn"), (string)group["inputs"]!["kmsKeyId"]!);
        });
        Assert.Contains("logs.eu-central-1.amazonaws.com", (string)plan.Inputs("aws:kms/keyPolicy:KeyPolicy", "dr-logs-key-policy")["policy"]!);
    }

    [Fact]
    public async Task Flags_roll_out_linearly_watched_by_the_stacks_critical_composite_and_only_webs_task_role_reads_them()
    {
        var plan = await Production.Value;

        var monitor = Assert.Single(plan.Inputs("aws:appconfig/environment:Environment", "flags-env")["monitors"]!.AsArray())!;
        Assert.Equal(Token("aws:cloudwatch/compositeAlarm:CompositeAlarm", "alarms-critical", "arn"), (string)monitor["alarmArn"]!);
        Assert.Equal(Token("aws:iam/role:Role", "flags-monitor-role", "arn"), (string)monitor["alarmRoleArn"]!);
        Assert.Equal(
            "ALARM(\"infra-production-web-unhealthy-critical\") OR ALARM(\"infra-production-api-unhealthy-critical\") OR ALARM(\"infra-production-db-connection-errors\")",
            (string)plan.Inputs("aws:cloudwatch/compositeAlarm:CompositeAlarm", "alarms-critical")["alarmRule"]!);
        var strategy = plan.Inputs("aws:appconfig/deploymentStrategy:DeploymentStrategy", "flags-strategy");
        Assert.Equal(("LINEAR", 20.0, 10L, 10L), ((string)strategy["growthType"]!, (double)strategy["growthFactor"]!,
            (long)strategy["deploymentDurationInMinutes"]!, (long)strategy["finalBakeTimeInMinutes"]!));
        Assert.Equal("AWS.AppConfig.FeatureFlags", (string)plan.Inputs("aws:appconfig/configurationProfile:ConfigurationProfile", "flags-web")["type"]!);
        var content = JsonNode.Parse((string)plan.Inputs("aws:appconfig/hostedConfigurationVersion:HostedConfigurationVersion", "flags-web-version")["content"]!)!;
        Assert.Equal("""{"enabled":true,"percentage":10,"userGroups":["staff","beta"]}""", content["values"]!["new_checkout"]!.ToJsonString());
        Assert.Equal(Token("aws:iam/role:Role", "web-task-role", "name"), (string)plan.Inputs("aws:iam/rolePolicy:RolePolicy", "flags-web-read")["role"]!);
        Assert.DoesNotContain(plan.Resources, r => (string)r["name"]! == "flags-api-read" || (string)r["name"]! == "flags-api");
    }

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(n => (string)n!).ToList();
}
