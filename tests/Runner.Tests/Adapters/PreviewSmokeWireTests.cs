using System.Text.Json.Nodes;
using Amazon;
using Amazon.SecretsManager;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;
using TestSupport;

namespace Runner.Tests.Adapters;

/// <summary>The Secrets Manager endpoint override is process-wide, as in the real SDK: these tests run alone.</summary>
[CollectionDefinition(nameof(SecretsManagerEndpointOverride), DisableParallelization = true)]
public sealed class SecretsManagerEndpointOverride;

/// <summary>
/// A smoke check through the preview route, end to end through the runner's adapters: the stack outputs, the smoke
/// target, the secret read over the wire by the offline AWSSDK.SecretsManager from the fake Secrets Manager of
/// tests/Support (AWS_ENDPOINT_URL_SECRETS_MANAGER), and the request to a loopback load balancer.
/// </summary>
[Collection(nameof(SecretsManagerEndpointOverride))]
public sealed class PreviewSmokeWireTests : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);
    private readonly PreviewSecretFixture _fixture = new();
    private readonly AutoAdvancingTimeProvider _time = new(RolloutHarness.Start);
    private readonly HttpClient _http = new();

    private FakeSecretsManagerServer Secrets => _fixture.Server;

    public void Dispose()
    {
        _fixture.Dispose();
        _http.Dispose();
    }

    /// <summary>Outputs of a stack that smoke-tests through the preview route, its production URL on <paramref name="loadBalancer"/>.</summary>
    public static JsonObject Outputs(Uri loadBalancer, string via = "previewHeader")
    {
        var outputs = StackOutputsReaderTests.Outputs("web");
        var web = outputs["services"]!["web"]!.AsObject();
        web["previewUrl"] = loadBalancer.GetLeftPart(UriPartial.Authority);
        web["previewHeader"] = "X-Infra-Preview";
        web["previewRouteUrn"] = "urn:web:preview-rule";
        outputs["smokeRoute"] = new JsonObject { ["via"] = via, ["previewSecretArn"] = PreviewSecretFixture.SecretArn };
        return outputs;
    }

    public static HttpSmokeCheck Check(HttpClient http, TimeProvider time) =>
        new(http, time, Retry, new SecretsManagerValueReader(new AmazonSecretsManagerClient(RegionEndpoint.EUWest1), "eu-west-1"));

    [Fact]
    public async Task A_redirect_is_a_failed_answer_and_the_preview_header_never_follows_it()
    {
        await using var elsewhere = new LoopbackHttpServer(200);
        await using var loadBalancer = new LoopbackHttpServer(302) { Location = elsewhere.Url("/") };
        using var smokeHttp = SmokeHttpClient.Create(TimeSpan.FromSeconds(5));
        var target = RolloutTargets.Smoke(StackOutputsReader.Read(Outputs(loadBalancer.Url("/"))).For("web"), null);

        var result = await Check(smokeHttp, _time).RunAsync(target, new SmokeCheckSettings(null, 1, TimeSpan.FromSeconds(4)), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.StartsWith("no 1 x 2xx in a row within 4s", result.Detail);
        Assert.Contains("302", result.Detail);
        Assert.NotEmpty(loadBalancer.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task The_request_carries_the_preview_header_with_the_value_read_from_secrets_manager_and_nothing_shows_it()
    {
        await using var loadBalancer = new LoopbackHttpServer(200);
        var target = RolloutTargets.Smoke(StackOutputsReader.Read(Outputs(loadBalancer.Url("/"))).For("web"), null);

        var result = await Check(_http, _time).RunAsync(target, new SmokeCheckSettings(null, 2, TimeSpan.FromSeconds(30)), CancellationToken.None);

        Assert.Equal(new SmokeCheckResult(true, "2 x 2xx in a row after 2 request(s) in 2s"), result);
        Assert.All(loadBalancer.Requests, r => Assert.Equal(("/web/healthz", PreviewSecretFixture.SecretValue), (r.Path, r.Headers["X-Infra-Preview"])));
        var read = Assert.Single(Secrets.Requests);
        Assert.Equal(("POST", "/", "secretsmanager.GetSecretValue", "application/x-amz-json-1.1"), (read.Method, read.Path, read.Target, read.ContentType));
        Assert.Equal(PreviewSecretFixture.SecretArn, (string?)JsonNode.Parse(read.Body)!["SecretId"]);
        Assert.Equal($"{loadBalancer.Url("/web/healthz")} (with the X-Infra-Preview header)", target.ToString());
        Assert.DoesNotContain(PreviewSecretFixture.SecretValue, target.ToString() + result.Detail);
    }

    [Fact]
    public async Task A_failing_idle_color_lists_its_answers_without_the_value()
    {
        await using var loadBalancer = new LoopbackHttpServer(503);
        var target = RolloutTargets.Smoke(StackOutputsReader.Read(Outputs(loadBalancer.Url("/"))).For("web"), "/ready");

        var result = await Check(_http, _time).RunAsync(target, new SmokeCheckSettings("/ready", 1, TimeSpan.FromSeconds(4)), CancellationToken.None);

        Assert.Equal(new SmokeCheckResult(false, "no 1 x 2xx in a row within 4s (3 request(s)); last answers: 503, 503, 503"), result);
        Assert.All(loadBalancer.Requests, r => Assert.Equal(PreviewSecretFixture.SecretValue, r.Headers["X-Infra-Preview"]));
    }

    [Fact]
    public async Task An_unknown_secret_fails_the_check_before_any_request_saying_what_to_run()
    {
        await using var loadBalancer = new LoopbackHttpServer(200);
        var target = new SmokeTarget(loadBalancer.Url("/health").ToString(), null,
            new PreviewHeader("X-Infra-Preview", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:gone-XyZ123"));

        var result = await Check(_http, _time).RunAsync(target, new SmokeCheckSettings(null, 1, TimeSpan.FromSeconds(4)), CancellationToken.None);

        Assert.Equal(new SmokeCheckResult(false,
            "no request sent: the X-Infra-Preview header's value could not be read: the secret arn:aws:secretsmanager:eu-west-1:123456789012:secret:gone-XyZ123 " +
            "does not exist in Secrets Manager (eu-west-1); run a full update of the stack (pulumi up) to create it"), result);
        Assert.Empty(loadBalancer.Requests);
    }

    [Fact]
    public async Task A_runner_denied_the_secret_is_told_which_permission_on_which_arn_it_needs()
    {
        await using var loadBalancer = new LoopbackHttpServer(200);
        Secrets.DenyAccess(true);
        var target = RolloutTargets.Smoke(StackOutputsReader.Read(Outputs(loadBalancer.Url("/"))).For("web"), null);

        var result = await Check(_http, _time).RunAsync(target, new SmokeCheckSettings(null, 1, TimeSpan.FromSeconds(4)), CancellationToken.None);

        Assert.Equal(new SmokeCheckResult(false,
            $"no request sent: the X-Infra-Preview header's value could not be read: the runner may not read the secret {PreviewSecretFixture.SecretArn} (AccessDeniedException); " +
            "allow its role secretsmanager:GetSecretValue on that ARN"), result);
        Assert.Empty(loadBalancer.Requests);
    }

    [Fact]
    public async Task Without_an_endpoint_override_the_offline_client_refuses_and_says_how_to_point_it_at_one()
    {
        Environment.SetEnvironmentVariable(PreviewSecretFixture.Variable, null);
        var reader = new SecretsManagerValueReader(new AmazonSecretsManagerClient(RegionEndpoint.EUWest1), "eu-west-1");

        var error = await Assert.ThrowsAsync<SecretReadException>(() => reader.ReadAsync(PreviewSecretFixture.SecretArn, CancellationToken.None));

        Assert.Equal(
            $"reading the secret {PreviewSecretFixture.SecretArn} in eu-west-1 failed: the offline AWSSDK.SecretsManager cannot reach AWS (eu-west-1) to read a secret: " +
            "it cannot sign requests to AWS. Set AWS_ENDPOINT_URL_SECRETS_MANAGER (or AWS_ENDPOINT_URL) to a Secrets Manager-compatible server on loopback, " +
            "or build with the real packages (OfflineSdk=false)",
            error.Message);
    }

    [Fact]
    public async Task A_stack_that_smokes_through_the_test_listener_reads_no_secret()
    {
        await using var loadBalancer = new LoopbackHttpServer(200);
        var outputs = Outputs(new Uri("http://127.0.0.1:1/"), via: "testListener");
        outputs["services"]!["web"]!["testUrl"] = loadBalancer.Url("/").ToString();
        var target = RolloutTargets.Smoke(StackOutputsReader.Read(outputs).For("web"), null);

        var result = await Check(_http, _time).RunAsync(target, new SmokeCheckSettings(null, 1, TimeSpan.FromSeconds(4)), CancellationToken.None);

        Assert.True(result.Passed);
        Assert.False(Assert.Single(loadBalancer.Requests).Headers.ContainsKey("X-Infra-Preview"));
        Assert.Empty(Secrets.Requests);
    }
}
