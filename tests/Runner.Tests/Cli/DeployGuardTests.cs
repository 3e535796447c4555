using Infra.Runner;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Machines;

namespace Runner.Tests.Cli;

/// <summary>
/// What deploy refuses before it changes anything (images, credentials that expire too early), and
/// <c>--print-max-duration</c>, which reads only the stack file.
/// </summary>
public sealed class DeployGuardTests : IDisposable
{
    private const string Ecr = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    private const string Reason = "opens the stack through the offline workspace";

    private readonly string folder = Directory.CreateTempSubdirectory("deploy-guard-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    [Fact]
    public async Task Print_max_duration_prints_only_the_seconds_on_stdout_and_the_terms_on_stderr_from_the_stack_file_alone()
    {
        // Nothing but the stack file: no Pulumi.yaml, ledger or credentials are needed.
        File.Copy(RepoFiles.StackFile("production"), Path.Combine(folder, "Pulumi.production.yaml"));

        var code = await RunAsync("deploy", "--stack", "production", "--print-max-duration", "--work-dir", folder);

        Assert.Equal(0, code);
        Assert.Equal($"14350{Environment.NewLine}", output.ToString());
        var terms = errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, terms.Length);
        // Production snapshots its database before every release (infra:rollout.hooks.backupBeforeDeploy).
        Assert.Equal("   3610 s  database snapshot: its timeout 01:00:00 + one 00:00:10 poll", terms[0]);
        Assert.Equal("   1200 s  deploying the new images: one service update", terms[1]);
        Assert.Equal("  14350 s  in all: the worst case of deploying web, api on stack production, with one rollback", terms[^1]);
    }

    [Fact]
    public async Task Print_max_duration_follows_the_rollout_flags_given_with_it()
    {
        File.Copy(RepoFiles.StackFile("production"), Path.Combine(folder, "Pulumi.production.yaml"));

        var code = await RunAsync("deploy", "--stack", "production", "--print-max-duration", "--steps", "50,100", "--work-dir", folder);

        Assert.Equal(0, code);
        // One step fewer: one routing update (5 min and 50 s of busy retries), one bake (5 min and a 10 s poll) and one
        // bake extension (production's maxInconclusiveMinutes, 15) less.
        Assert.Equal($"{14350 - 350 - 310 - 900}{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public async Task Print_max_duration_of_an_invalid_stack_file_exits_2_with_its_errors_and_prints_no_figure()
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.production.yaml"),
            File.ReadAllText(RepoFiles.StackFile("production")).Replace($"      - {Ecr}\n", "      - https://ecr\n"));

        var code = await RunAsync("deploy", "--stack", "production", "--print-max-duration", "--work-dir", folder);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.StartsWith(
            "deploy: Pulumi.production.yaml: infra:images.allowedRegistries[0]: 'https://ecr' is not a registry; expected a registry host[:port] " +
            "with an optional repository prefix, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or ghcr.io/acme",
            errors.ToString());
    }

    [OfflineSdkTheory(Reason)]
    [InlineData($"web={Ecr}/web:1.6.0",
        $"--service web: '{Ecr}/web:1.6.0' is not by digest, and production releases images by digest only; pass the image as <repository>@sha256:<digest>, or --allow-tag to release the tag anyway")]
    [InlineData("web=ghcr.io/someone/web:1.6.0",
        $"--service web: 'ghcr.io/someone/web:1.6.0' is not from an allowed registry; infra:images.allowedRegistries allows {Ecr}")]
    [InlineData("web",
        "--service web names no image, and production releases images by digest only; pass --service web=<repository>@sha256:<digest>, or --allow-tag to redeploy the idle color's configured image")]
    public async Task A_production_deploy_of_an_image_it_may_not_release_exits_2_having_changed_nothing(string service, string reason)
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        File.Copy(RepoFiles.StackFile("production"), Path.Combine(folder, "Pulumi.production.yaml"));
        var before = Directory.GetFileSystemEntries(folder).Order().ToList();

        var code = await RunAsync("deploy", "--stack", "production", "--service", service, "--work-dir", folder);

        Assert.Equal(2, code);
        Assert.EndsWith($"ERR Bad input: {reason}", output.ToString().TrimEnd());
        Assert.Equal(before, Directory.GetFileSystemEntries(folder).Order().ToList());
    }

    [OfflineSdkFact("runs the built runner, which opens the stack through the offline workspace")]
    public async Task A_deploy_whose_credentials_expire_before_the_worst_case_exits_2_saying_how_long_it_needs()
    {
        OfflineProject.WriteProjectFile(folder);
        File.WriteAllText(Path.Combine(folder, "Pulumi.expiring.yaml"), OfflineProject.StackFile);
        // A session as aws-actions/configure-aws-credentials exports it, with its expiry from the step output.
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "ASIAEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "test-secret-key",
            ["AWS_SESSION_TOKEN"] = "test-session-token",
            ["AWS_CREDENTIAL_EXPIRATION"] = DateTimeOffset.UtcNow.AddMinutes(30).ToString("O"),
        };

        var (code, printed) = await RunnerProcess.RunAsync(folder, environment, "deploy", "--stack", "expiring", "--service", "web=web:2");

        Assert.Equal(2, code);
        Assert.Contains("ERR Bad input: the AWS credentials (environment variables, expiry from AWS_CREDENTIAL_EXPIRATION) expire at ", printed);
        // The offline stack file's staging defaults: three steps, 4-minute bakes, 10-minute ready timeout and bake extensions, one service.
        Assert.Contains("but this deploy may take up to 9540 s (until ", printed);
        Assert.Contains("request credentials that last at least 9540 s (deploy --print-max-duration prints the figure) and run again; nothing was changed", printed);
        Assert.DoesNotContain("secret", printed);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<int> RunAsync(params string[] args) => RunnerCli.RunAsync(args, output, errors);
}
