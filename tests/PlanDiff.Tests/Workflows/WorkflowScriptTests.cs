namespace PlanDiff.Tests.Workflows;

/// <summary>The scripts the workflows run, with stand-ins for the AWS CLI and dotnet.</summary>
public sealed class WorkflowScriptTests : IDisposable
{
    private const string Web = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web";
    private const string Api = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api";
    private static readonly string Head = new('c', 40), Middle = new('b', 40), Older = new('a', 40);
    private static readonly string DigestA = "sha256:" + new string('1', 64), DigestB = "sha256:" + new string('2', 64);

    private readonly WorkflowScript _script = new();

    public void Dispose() => _script.Dispose();

    // ECR's tags per repository, as `aws ecr list-images ... --output text` prints them; every call is logged.
    private void EcrWith(string webTags, string apiTags) => _script.StandIn("aws", $$"""
        echo "$*" >> "{{_script.Folder}}/aws.log"
        [ "$1 $2" = "ecr list-images" ] || { echo "unexpected aws call: $*" >&2; exit 1; }
        case "$8" in
          web) printf '{{webTags}}' ;;
          api) printf '{{apiTags}}' ;;
          *) echo "An error occurred (RepositoryNotFoundException)" >&2; exit 254 ;;
        esac
        """);

    private static Dictionary<string, string> Repositories(string lines) => new() { ["IMAGE_REPOSITORIES"] = lines };

    [Fact]
    public async Task Each_service_with_an_image_of_an_unreleased_commit_resolves_to_the_newest_one_s_digest()
    {
        EcrWith($@"{Older}\t{DigestA}\n{Middle}\t{DigestB}\nlatest\t{DigestB}\n", $@"0123\t{DigestA}\n");

        var (exit, output, error) = await _script.RunAsync(
            "resolve-images.sh", [], Repositories($"web={Web}\napi={Api}\n"), $"{Head}\n{Middle}\n{Older}\n");

        Assert.Equal(0, exit);
        Assert.Equal($"web={Web}@{DigestB}\n", output);
        Assert.Contains("resolve-images: api: no image tagged with an unreleased commit, unchanged", error);
        Assert.Equal(
            [
                "ecr list-images --registry-id 123456789012 --region eu-west-1 --repository-name web --filter tagStatus=TAGGED --query imageIds[].[imageTag,imageDigest] --output text",
                "ecr list-images --registry-id 123456789012 --region eu-west-1 --repository-name api --filter tagStatus=TAGGED --query imageIds[].[imageTag,imageDigest] --output text",
            ],
            File.ReadAllLines(Path.Combine(_script.Folder, "aws.log")));
    }

    [Fact]
    public async Task An_image_tagged_only_by_a_released_commit_is_not_released_again()
    {
        EcrWith($@"{Older}\t{DigestA}\n", $@"{Head}\t{DigestB}\n");

        var (exit, output, _) = await _script.RunAsync("resolve-images.sh", [], Repositories($"web={Web}\napi={Api}"), $"{Head}\n{Middle}\n");

        Assert.Equal((0, $"api={Api}@{DigestB}\n"), (exit, output));
    }

    [Theory]
    [InlineData("web=docker.io/library/nginx", "resolve-images: IMAGE_REPOSITORIES line 1: 'docker.io/library/nginx' is not an ECR repository URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME, no tag)")]
    [InlineData("web=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2", "resolve-images: IMAGE_REPOSITORIES line 1: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2' is not an ECR repository URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME, no tag)")]
    [InlineData("\nWeb=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web", "resolve-images: IMAGE_REPOSITORIES line 2: 'Web=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web' is not service=repository (service: lower-case letters, digits, hyphens)")]
    public async Task A_repository_list_entry_that_is_not_a_service_and_an_ecr_repository_is_refused(string lines, string message)
    {
        EcrWith("", "");

        var (exit, output, error) = await _script.RunAsync("resolve-images.sh", [], Repositories(lines), $"{Head}\n");

        Assert.Equal((2, "", message + "\n"), (exit, output, error));
    }

    [Fact]
    public async Task A_failing_registry_call_fails_the_resolution()
    {
        EcrWith("", "");

        var (exit, output, error) = await _script.RunAsync("resolve-images.sh", [], Repositories("worker=123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker"), $"{Head}\n");

        Assert.Equal((254, ""), (exit, output));
        Assert.Contains("RepositoryNotFoundException", error);
    }

    [Theory]
    [InlineData("5000", "43200", "5300\n", "")]
    [InlineData("100", "3600", "900\n", "")]
    [InlineData("50000", "14400", "14400\n", "role-session-seconds: the release may take 50000s (+300s margin) but the role allows 14400s; raise its maximum session duration\n")]
    public async Task The_role_session_is_the_worst_case_plus_a_margin_between_sts_minimum_and_the_role_maximum(
        string needed, string roleMax, string seconds, string warning)
    {
        Assert.Equal((0, seconds, warning), await _script.RunAsync("role-session-seconds.sh", [needed, roleMax]));
    }

    [Theory]
    [InlineData("", "3600", "role-session-seconds: expected whole seconds, got '' (usage: role-session-seconds.sh NEEDED ROLE_MAX)\n")]
    [InlineData("Building...\n4200", "3600", "role-session-seconds: expected whole seconds, got 'Building...\n4200' (usage: role-session-seconds.sh NEEDED ROLE_MAX)\n")]
    [InlineData("4200", "86400", "role-session-seconds: the role's maximum session duration must be 900-43200 seconds, got 86400\n")]
    public async Task A_duration_that_is_not_whole_seconds_or_a_role_maximum_sts_cannot_grant_is_refused(string needed, string roleMax, string message)
    {
        Assert.Equal((2, "", message), await _script.RunAsync("role-session-seconds.sh", [needed, roleMax]));
    }

    [Fact]
    public async Task A_release_passes_every_digest_to_the_runner_s_deploy()
    {
        _script.StandIn("dotnet", $"""echo "$*" >> "{_script.Folder}/dotnet.args" """);

        var (exit, _, _) = await _script.RunAsync(
            "release.sh", ["production"], new Dictionary<string, string>
            {
                ["SERVICES"] = $"web={Web}@{DigestA}\napi={Api}@{DigestB}\n",
                ["AWS_CREDENTIAL_EXPIRATION"] = "2026-03-01T15:00:00Z",
            });

        Assert.Equal(0, exit);
        // Built, then exec'd so a CI cancel's signal reaches the runner itself.
        Assert.Equal(
            ["build runner/cli -c Release -nologo -v:q",
             $"runner/cli/bin/Release/net10.0/infra-runner.dll deploy --stack production --service web={Web}@{DigestA} --service api={Api}@{DigestB} --log-json"],
            File.ReadAllLines(Path.Combine(_script.Folder, "dotnet.args")));
    }

    [Theory]
    [InlineData("web=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.5.0", "release: 'web=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.5.0' is not service=<repository>@sha256:<digest>; only digests are released\n")]
    [InlineData("", "release: SERVICES names no image to release\n")]
    public async Task A_release_of_a_tag_or_of_nothing_never_reaches_the_runner(string services, string message)
    {
        _script.StandIn("dotnet", $"""touch "{_script.Folder}/dotnet.ran" """);

        var result = await _script.RunAsync("release.sh", ["staging"],
            new Dictionary<string, string> { ["SERVICES"] = services, ["AWS_CREDENTIAL_EXPIRATION"] = "2026-03-01T15:00:00Z" });

        Assert.Equal((2, "", message), result);
        Assert.False(File.Exists(Path.Combine(_script.Folder, "dotnet.ran")));
    }

    [Fact]
    public async Task A_release_without_the_session_s_expiry_never_reaches_the_runner()
    {
        _script.StandIn("dotnet", $"""touch "{_script.Folder}/dotnet.ran" """);

        var result = await _script.RunAsync("release.sh", ["staging"], new Dictionary<string, string> { ["SERVICES"] = $"web={Web}@{DigestA}" });

        Assert.Equal((2, "", "release: AWS_CREDENTIAL_EXPIRATION is empty; pass the credentials step's aws-expiration output so the runner can refuse a session that ends mid-release\n"), result);
        Assert.False(File.Exists(Path.Combine(_script.Folder, "dotnet.ran")));
    }

    [Fact]
    public async Task Untrusted_text_is_shown_in_a_fence_longer_than_any_backtick_run_it_contains()
    {
        var file = Path.Combine(_script.Folder, "plan-diff.md");
        await File.WriteAllTextAsync(file, "| a | b |\n````\n```\n@someone <img src=x> [link](http://example.com)\n");

        var result = await _script.RunAsync("untrusted-comment.sh", ["Offline plan diff of **staging**:", file]);

        Assert.Equal(
            (0, "Offline plan diff of **staging**:\n\n`````text\n| a | b |\n````\n```\n@someone <img src=x> [link](http://example.com)\n`````\n", ""),
            result);
    }

    [Fact]
    public async Task Untrusted_text_over_the_limit_is_cut_without_splitting_a_character_and_says_so()
    {
        var file = Path.Combine(_script.Folder, "plan-diff.md");
        await File.WriteAllTextAsync(file, "abcdé and more");

        var result = await _script.RunAsync("untrusted-comment.sh", ["Plan:", file, "5"]);

        Assert.Equal(
            (0, "Plan:\n\n```text\nabcd\n```\n\nCut at 5 of 15 bytes; the whole diff is in the workflow run's job summary.\n", ""),
            result);
    }

    [Fact]
    public async Task A_missing_artifact_is_refused()
    {
        var result = await _script.RunAsync("untrusted-comment.sh", ["Plan:", Path.Combine(_script.Folder, "none.md")]);

        Assert.Equal((2, "", $"untrusted-comment: {Path.Combine(_script.Folder, "none.md")} is not a regular file\n"), result);
    }
}
