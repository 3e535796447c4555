using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Commands;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Runner.Tests.Adapters;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Machines;
using TestSupport;

namespace Runner.Tests.Dr;

/// <summary>
/// Deploy's check that the pilot light's service secrets have replicas in the DR region, through the offline
/// AWSSDK.SecretsManager to the loopback fake (AWS_ENDPOINT_URL_SECRETS_MANAGER), which answers DescribeSecret as the
/// service does: ResourceNotFoundException for a secret never replicated there.
/// </summary>
[Collection(nameof(SecretsManagerEndpointOverride))]
public sealed class DrSecretCheckTests : IDisposable
{
    private const string Variable = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    private const string WebDr = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:production/web/db-Q1w2E3";
    private const string ApiDr = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:production/api/db-R4t5Y6";

    private static readonly StackSettings Production = StackSettingsLoader.FromFile(RepoFiles.StackFile("production")).GetValidOrThrow();

    private readonly FakeSecretsManagerServer _server = FakeSecretsManagerServer.Start();
    private readonly string _folder = Directory.CreateTempSubdirectory("dr-secrets-").FullName;

    public DrSecretCheckTests() => Environment.SetEnvironmentVariable(Variable, _server.Endpoint);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Task CheckAsync(StackSettings settings) =>
        DrSecretCheck.RequireAsync(settings, new SecretsManagerDrSecrets(SecretsManagerDrSecrets.ClientFor, SdkCallLimit.Of(TimeSpan.FromSeconds(30))), CancellationToken.None);

    [Fact]
    public async Task Every_secret_with_its_replica_passes_after_one_DescribeSecret_per_secret_in_the_dr_region()
    {
        _server.SetSecret(WebDr, "web password");
        _server.SetSecret(ApiDr, "api password");

        await CheckAsync(Production);

        Assert.Equal([$"{{\"SecretId\":\"{WebDr}\"}}", $"{{\"SecretId\":\"{ApiDr}\"}}"], _server.Requests.Select(r => r.Body));
        Assert.All(_server.Requests, r => Assert.Equal(("POST", "/", FakeSecretsManagerServer.DescribeTarget, FakeSecretsManagerServer.ContentType),
            (r.Method, r.Path, r.Target, r.ContentType)));
    }

    [Fact]
    public async Task A_secret_without_a_replica_is_refused_naming_the_service_the_secret_the_dr_region_and_the_command()
    {
        _server.SetSecret(WebDr, "web password");

        var error = await Assert.ThrowsAsync<RolloutInputException>(() => CheckAsync(Production));

        Assert.Equal(
            "the pilot light in eu-central-1 reads the services' secrets there, and a DR task without them fails to start at failover: " +
            "service api's secret DB_PASSWORD (arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/api/db-R4t5Y6) has no replica in eu-central-1: " +
            "replicate it with `aws secretsmanager replicate-secret-to-regions --secret-id arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/api/db-R4t5Y6 " +
            "--add-replica-regions Region=eu-central-1` (with KmsKeyId=<key in eu-central-1> for a secret under a customer key). " +
            "Nothing was changed; deploy again once they are replicated (README, Disaster recovery), or pass --skip-dr-secret-check",
            error.Message);
    }

    [Fact]
    public async Task A_replica_scheduled_for_deletion_is_refused_with_the_restore_command()
    {
        _server.SetSecret(WebDr, "web password");
        _server.SetSecret(ApiDr, "api password");
        _server.ScheduleDeletion(WebDr, new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<RolloutInputException>(() => CheckAsync(Production));

        Assert.Contains(
            $"service web's secret DB_PASSWORD has its replica {WebDr} in eu-central-1 scheduled for deletion: `aws secretsmanager restore-secret --secret-id {WebDr} --region eu-central-1`",
            error.Message);
        Assert.DoesNotContain("service api", error.Message);
    }

    [Fact]
    public async Task A_runner_that_may_not_describe_the_replica_is_refused_naming_the_permission_and_the_skip_flag()
    {
        _server.DenyAccess(true);

        var error = await Assert.ThrowsAsync<RolloutInputException>(() => CheckAsync(Production));

        Assert.Equal(
            $"cannot check that service web's secret DB_PASSWORD has its replica in eu-central-1: Secrets Manager in eu-central-1 did not describe {WebDr}: " +
            $"User: arn:aws:sts::123456789012:assumed-role/infra-runner/ci is not authorized to perform: secretsmanager:DescribeSecret on resource: {WebDr} " +
            "because no identity-based policy allows the secretsmanager:DescribeSecret action; " +
            $"allow the runner secretsmanager:DescribeSecret on {WebDr}, or pass --skip-dr-secret-check to deploy without the check; nothing was changed",
            error.Message);
    }

    [Fact]
    public async Task Without_a_pilot_light_or_for_secrets_outside_the_primary_region_nothing_is_looked_up()
    {
        await CheckAsync(Production with { Dr = Production.Dr with { PilotLight = false } });
        var elsewhere = Production.Services.Select(s => s with
        {
            Secrets = new ValueMap<string>([KeyValuePair.Create("TOKEN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:shared/token-AbCdEf")]),
        }).ToValueList();
        await CheckAsync(Production with { Services = elsewhere });

        Assert.Empty(_server.Requests);
    }

    [OfflineSdkFact("runs the built runner, which opens the stack through the offline workspace")]
    public async Task Deploy_refuses_before_any_change_and_skip_dr_secret_check_lets_it_past_the_check()
    {
        File.WriteAllText(Path.Combine(_folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        File.Copy(RepoFiles.StackFile("production"), Path.Combine(_folder, "Pulumi.production.yaml"));
        _server.SetSecret(WebDr, "web password");
        // The ledger (dynalite, test credentials) for the skipped run, which goes on to the rollout itself.
        var environment = new Dictionary<string, string>(await LocalLedger.EnvironmentAsync()) { [Variable] = _server.Endpoint };
        var image = $"web=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:{new string('a', 64)}";

        var (code, printed) = await RunnerProcess.RunAsync(_folder, environment, "deploy", "--stack", "production", "--service", image);
        var requests = _server.Requests.Count;
        var (skippedCode, skipped) = await RunnerProcess.RunAsync(_folder, environment, "deploy", "--stack", "production", "--service", image, "--skip-dr-secret-check");

        Assert.Equal(2, code);
        Assert.Contains("ERR Bad input: the pilot light in eu-central-1 reads the services' secrets there", printed);
        Assert.Contains("service api's secret DB_PASSWORD (arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/api/db-R4t5Y6) has no replica in eu-central-1", printed);
        Assert.Equal(2, requests);
        Assert.Contains("--skip-dr-secret-check: the services' secrets are not checked for replicas in the DR region", skipped);
        Assert.DoesNotContain("the pilot light in eu-central-1 reads", skipped);
        Assert.Equal(requests, _server.Requests.Count);
        Assert.NotEqual(0, skippedCode);
    }
}
