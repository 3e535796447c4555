using YamlDotNet.RepresentationModel;

namespace PlanDiff.Tests.Workflows;

/// <summary>What each workflow must do, beyond being well-formed.</summary>
public class WorkflowContractTests
{
    private const string PullRequestFromThisRepository = "github.event.pull_request.head.repo.full_name == github.repository";

    internal static YamlMappingNode Jobs(string file) => (YamlMappingNode)WorkflowLinter.Parse(RepoFiles.Workflow(file)).Get("jobs")!;

    internal static YamlMappingNode Job(string file, string job) => (YamlMappingNode)Jobs(file).Get(job)!;

    internal static IEnumerable<string> Runs(YamlMappingNode job) => job.Steps().Select(s => s.Scalar("run")).OfType<string>();

    /// <summary>The steps using an action of REPOSITORY (owner/name), whatever commit they pin.</summary>
    internal static IEnumerable<YamlMappingNode> Uses(YamlMappingNode job, string repository) =>
        job.Steps().Where(s => s.Scalar("uses")?.StartsWith(repository + "@", StringComparison.Ordinal) == true);

    internal static YamlMappingNode With(YamlMappingNode step) => (YamlMappingNode)step.Get("with")!;

    internal static YamlMappingNode Env(YamlMappingNode node) => (YamlMappingNode)node.Get("env")!;

    /// <summary>Every scalar anywhere in the node: what a job names, wherever it names it.</summary>
    internal static IEnumerable<string> Texts(YamlNode node) => node.AllNodes.OfType<YamlScalarNode>().Select(s => s.Value ?? "");

    internal static IEnumerable<string> Triggers(string file) =>
        ((YamlMappingNode)WorkflowLinter.Parse(RepoFiles.Workflow(file)).Get("on")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    internal static IEnumerable<string> Needs(YamlMappingNode job) => job.Get("needs") switch
    {
        YamlScalarNode one => [one.Value!],
        YamlSequenceNode many => many.Children.Select(n => ((YamlScalarNode)n).Value!),
        _ => [],
    };

    [Fact]
    public void Preview_builds_and_tests_on_pull_requests()
    {
        Assert.Equal(["pull_request"], Triggers("preview.yml"));
        Assert.Contains("./build.sh test", Runs(Job("preview.yml", "test")));
    }

    [Fact]
    public void Preview_diffs_the_offline_plans_of_both_stacks_without_any_credential()
    {
        var diff = Job("preview.yml", "plan-diff");
        var stacks = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)diff.Get("strategy")!).Get("matrix")!).Get("stack")!)
            .Children.Select(s => ((YamlScalarNode)s).Value);

        Assert.Equal(["staging", "production"], stacks);
        Assert.Contains(Runs(diff), r => r.Contains("base/build.sh plan \"$STACK\" --json"));
        Assert.Contains(Runs(diff), r => r.Contains("head/build.sh plan \"$STACK\" --json"));
        Assert.Contains(Runs(diff), r => r.Contains("head/build.sh diff") && r.Contains("--markdown"));
        Assert.Null(diff.Get("environment"));
        Assert.DoesNotContain(Texts(diff), t => t.Contains("secrets.") || t.Contains("id-token") || t.Contains("vars."));
        Assert.Equal("plan-diff.md", With(Uses(diff, "actions/upload-artifact").Single()).Scalar("path"));
    }

    [Theory]
    [InlineData("preview.yml")]
    public void No_job_that_runs_pull_request_code_names_a_deploy_role_or_a_repository_wide_token(string file)
    {
        Assert.Contains("pull_request", Triggers(file));
        foreach (var (name, job) in Jobs(file).Children.Select(j => (((YamlScalarNode)j.Key).Value, (YamlMappingNode)j.Value)))
        {
            var texts = Texts(job).ToList();
            Assert.False(
                texts.Any(t => t.Contains("AWS_ROLE_ARN_STAGING") || t.Contains("AWS_ROLE_ARN_PRODUCTION") || t.Contains("secrets.PULUMI_ACCESS_TOKEN")),
                $"job '{name}' runs pull-request code and names a deploy role or the repository-wide Pulumi token");
            // Any secret it reads must be its preview environment's own.
            Assert.True(
                !texts.Any(t => t.Contains("secrets.")) || job.Scalar("environment") == "${{ matrix.environment }}",
                $"job '{name}' reads a secret outside a preview environment");
        }
    }

    [Fact]
    public void Cloud_previews_run_only_for_branches_of_this_repository_each_in_its_preview_environment_with_a_read_only_role()
    {
        var job = Job("preview.yml", "cloud-preview");
        var include = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job.Get("strategy")!).Get("matrix")!).Get("include")!)
            .Children.Cast<YamlMappingNode>().Select(m => (m.Scalar("stack"), m.Scalar("environment")));
        var preview = Uses(job, "pulumi/actions").Single();
        var permissions = (YamlMappingNode)job.Get("permissions")!;

        Assert.Equal(PullRequestFromThisRepository, job.Scalar("if"));
        Assert.Equal("${{ matrix.environment }}", job.Scalar("environment"));
        Assert.Equal([("staging", "staging-preview"), ("production", "production-preview")], include);
        Assert.Equal("${{ vars.AWS_PREVIEW_ROLE_ARN }}", With(Uses(job, "aws-actions/configure-aws-credentials").Single()).Scalar("role-to-assume"));
        Assert.Equal("${{ secrets.PULUMI_PREVIEW_TOKEN }}", Env(preview).Scalar("PULUMI_ACCESS_TOKEN"));
        Assert.Equal(
            ("preview", "${{ matrix.stack }}", "true", null),
            (With(preview).Scalar("command"), With(preview).Scalar("stack-name"), With(preview).Scalar("diff"), With(preview).Scalar("comment-on-pr")));
        // No write token in a job that runs pull-request code: the preview goes to the job summary.
        Assert.Equal(["contents: read", "id-token: write"], permissions.Children.Select(p => $"{p.Key}: {p.Value}"));
    }

    [Fact]
    public void The_commenter_takes_the_pull_request_from_the_event_or_the_api_and_never_from_the_artifact()
    {
        Assert.Equal(["workflow_run"], Triggers("preview-comment.yml"));
        var job = Job("preview-comment.yml", "comment");
        var find = job.Steps().Single(s => s.Scalar("id") == "pr");
        var download = With(Uses(job, "actions/download-artifact").Single());
        var comment = With(Uses(job, "marocchino/sticky-pull-request-comment").Single());

        Assert.Equal("${{ toJSON(github.event.workflow_run.pull_requests) }}", Env(find).Scalar("RUN_PULL_REQUESTS"));
        Assert.Equal("${{ github.event.workflow_run.head_sha }}", Env(find).Scalar("HEAD_SHA"));
        Assert.Contains("select(.head.sha == $sha and .base.repo.url == $base)", find.Scalar("run"));
        Assert.Contains("gh api --method GET \"repos/$REPOSITORY/pulls\" -f state=open -f head=\"$HEAD_OWNER:$HEAD_BRANCH\"", find.Scalar("run"));
        Assert.Contains("select(.head.sha == $sha and .head.repo.full_name == $repo)", find.Scalar("run"));
        Assert.Same(find, job.Steps().First());
        Assert.Equal("${{ github.event.workflow_run.id }}", download.Scalar("run-id"));
        Assert.Equal("${{ steps.pr.outputs.number }}", comment.Scalar("number"));
        Assert.DoesNotContain(Texts(Jobs("preview-comment.yml")), t => t.Contains("pr-number"));
        Assert.DoesNotContain(Texts(Jobs("preview.yml")), t => t.Contains("pr-number"));
    }

    [Fact]
    public void The_commenter_posts_the_artifact_only_as_size_limited_text_in_a_fence_and_runs_no_pull_request_code()
    {
        var job = Job("preview-comment.yml", "comment");
        var checkout = With(Uses(job, "actions/checkout").Single());

        Assert.Contains(Runs(job), r => r.Contains(".github/scripts/untrusted-comment.sh") && r.Contains("\"$RUNNER_TEMP/artifact/plan-diff.md\""));
        Assert.Equal("${{ runner.temp }}/comment.md", With(Uses(job, "marocchino/sticky-pull-request-comment").Single()).Scalar("path"));
        // The default branch's scripts only: no ref, so never the pull request's code.
        Assert.Equal((".github/scripts", null), (checkout.Scalar("sparse-checkout"), checkout.Scalar("ref")));
    }

    [Fact]
    public void A_push_to_main_resolves_the_changed_images_to_digests_once_for_both_stacks()
    {
        Assert.Equal(["push", "workflow_dispatch"], Triggers("deploy.yml"));
        var images = Job("deploy.yml", "images");

        Assert.Equal("staging", images.Scalar("environment"));
        Assert.Equal("${{ steps.resolve.outputs.services }}", ((YamlMappingNode)images.Get("outputs")!).Scalar("services"));
        Assert.Contains(Runs(images), r => r.Contains("git rev-list \"$last..$GITHUB_SHA\"") && r.Contains(".github/scripts/resolve-images.sh"));
        Assert.Equal("${{ vars.IMAGE_REPOSITORIES }}", Env(images.Steps().Single(s => s.Scalar("id") == "resolve")).Scalar("IMAGE_REPOSITORIES"));
    }

    [Theory]
    [InlineData("release-staging", "staging", "images,infrastructure-staging")]
    [InlineData("release-production", "production", "images,release-staging,infrastructure-production")]
    public void Each_stack_releases_the_resolved_digests_through_the_runner_after_its_infrastructure(string name, string stack, string needs)
    {
        var job = Job("deploy.yml", name);
        var release = job.Steps().Single(s => s.Scalar("run") is { } r && r.Contains("release.sh"));

        Assert.Equal(stack, job.Scalar("environment"));
        Assert.Equal(needs.Split(','), Needs(job));
        Assert.Equal("needs.images.outputs.services != ''", job.Scalar("if"));
        Assert.Equal($".github/scripts/release.sh {stack}", release.Scalar("run"));
        Assert.Equal("${{ needs.images.outputs.services }}", Env(release).Scalar("SERVICES"));
        Assert.DoesNotContain(Uses(job, "actions/upload-artifact"), _ => true);
        Assert.DoesNotContain(Runs(job), r => r.Contains("git commit") || r.Contains("git push") || r.Contains($"Pulumi.{stack}.yaml"));
    }

    [Theory]
    [InlineData("release-staging", "staging")]
    [InlineData("release-production", "production")]
    public void A_release_s_role_session_lasts_the_runner_s_worst_case_capped_by_the_role(string name, string stack)
    {
        var job = Job("deploy.yml", name);
        var steps = job.Steps().ToList();
        var session = steps.Single(s => s.Scalar("id") == "session");
        var credentials = Uses(job, "aws-actions/configure-aws-credentials").Single();

        Assert.Contains($"dotnet run --project runner/cli -c Release -- deploy --stack {stack} --print-max-duration", session.Scalar("run"));
        Assert.Contains(".github/scripts/role-session-seconds.sh \"$needed\" \"$ROLE_MAX_SECONDS\"", session.Scalar("run"));
        Assert.Equal("${{ vars.AWS_ROLE_MAX_SESSION_SECONDS || '3600' }}", Env(session).Scalar("ROLE_MAX_SECONDS"));
        Assert.Equal("${{ steps.session.outputs.seconds }}", With(credentials).Scalar("role-duration-seconds"));
        Assert.True(steps.IndexOf(session) < steps.IndexOf(credentials), "the duration is known before the credentials are requested");
    }

    [Theory]
    [InlineData("release-staging")]
    [InlineData("release-production")]
    public void A_release_hands_the_runner_its_credentials_expiry_so_it_refuses_a_session_too_short(string name)
    {
        var job = Job("deploy.yml", name);
        var credentials = Uses(job, "aws-actions/configure-aws-credentials").Single();
        var release = job.Steps().Single(s => s.Scalar("run") is { } r && r.Contains("release.sh"));

        // The action sets its aws-expiration output only together with its (masked) credential outputs.
        Assert.Equal("true", With(credentials).Scalar("output-credentials"));
        Assert.Equal($"${{{{ steps.{credentials.Scalar("id")}.outputs.aws-expiration }}}}", Env(release).Scalar("AWS_CREDENTIAL_EXPIRATION"));
    }

    [Fact]
    public void Pulumi_up_runs_per_stack_in_its_own_job_and_never_where_traffic_moves()
    {
        var jobs = Jobs("deploy.yml").Children.Select(j => (Name: ((YamlScalarNode)j.Key).Value!, Job: (YamlMappingNode)j.Value)).ToList();
        var ups = jobs.Where(j => Uses(j.Job, "pulumi/actions").Any(s => (s.Get("with") as YamlMappingNode)?.Scalar("command") == "up")).ToList();
        var releases = jobs.Where(j => Runs(j.Job).Any(r => r.Contains("release.sh") || r.Contains("deploy --stack"))).ToList();

        Assert.Equal(
            [("infrastructure-staging", "staging", "staging"), ("infrastructure-production", "production", "production")],
            ups.Select(j => (j.Name, With(Uses(j.Job, "pulumi/actions").Single()).Scalar("stack-name"), j.Job.Scalar("environment"))));
        Assert.Equal(["release-staging", "release-production"], releases.Select(j => j.Name));
        Assert.Empty(ups.Select(j => j.Name).Intersect(releases.Select(j => j.Name)));
        Assert.Null(((YamlMappingNode?)Uses(Job("deploy.yml", "release-production"), "pulumi/actions").Single().Get("with"))?.Scalar("command"));
        Assert.Equal(["infrastructure-staging", "release-staging"], Needs(Job("deploy.yml", "infrastructure-production")));
    }

    [Fact]
    public void Deploy_jobs_read_the_pulumi_token_of_their_environment()
    {
        foreach (var (name, job) in Jobs("deploy.yml").Children.Select(j => (((YamlScalarNode)j.Key).Value, (YamlMappingNode)j.Value)))
        {
            Assert.True(
                !Texts(job).Any(t => t.Contains("secrets.")) || job.Scalar("environment") is "staging" or "production",
                $"job '{name}' reads a secret outside the staging and production environments");
        }
    }
}
