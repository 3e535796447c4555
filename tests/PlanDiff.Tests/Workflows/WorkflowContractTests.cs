using YamlDotNet.RepresentationModel;

namespace PlanDiff.Tests.Workflows;

/// <summary>What each workflow must do, beyond being well-formed.</summary>
public class WorkflowContractTests
{
    private static YamlMappingNode Job(string file, string job) =>
        (YamlMappingNode)((YamlMappingNode)WorkflowLinter.Parse(RepoFiles.Workflow(file)).Get("jobs")!).Get(job)!;

    private static IEnumerable<string> Runs(YamlMappingNode job) => job.Steps().Select(s => s.Scalar("run")).OfType<string>();

    private static YamlMappingNode Step(YamlMappingNode job, string uses) => job.Steps().Single(s => s.Scalar("uses") == uses);

    private static IEnumerable<string> Triggers(string file) =>
        ((YamlMappingNode)WorkflowLinter.Parse(RepoFiles.Workflow(file)).Get("on")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    [Fact]
    public void Preview_builds_and_tests_on_pull_requests()
    {
        Assert.Equal(["pull_request"], Triggers("preview.yml"));
        Assert.Contains("./build.sh test", Runs(Job("preview.yml", "test")));
    }

    [Fact]
    public void Preview_diffs_the_offline_plans_of_both_stacks_and_comments_the_markdown()
    {
        var diff = Job("preview.yml", "plan-diff");
        var stacks = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)diff.Get("strategy")!).Get("matrix")!).Get("stack")!)
            .Children.Select(s => ((YamlScalarNode)s).Value);

        Assert.Equal(["staging", "production"], stacks);
        Assert.Contains(Runs(diff), r => r.Contains("base/build.sh plan \"$STACK\" --json"));
        Assert.Contains(Runs(diff), r => r.Contains("head/build.sh plan \"$STACK\" --json"));
        Assert.Contains(Runs(diff), r => r.Contains("head/build.sh diff") && r.Contains("--markdown"));
    }

    [Fact]
    public void Every_pull_request_gets_the_plan_diff_as_a_comment_forks_included()
    {
        Assert.Equal(["workflow_run"], Triggers("preview-comment.yml"));
        var job = Job("preview-comment.yml", "comment");
        var download = (YamlMappingNode)Step(job, "actions/download-artifact@v4").Get("with")!;
        Assert.Equal("${{ github.event.workflow_run.id }}", download.Scalar("run-id"));
        var comment = (YamlMappingNode)Step(job, "marocchino/sticky-pull-request-comment@v2").Get("with")!;
        Assert.Equal(("plan-diff.md", "${{ steps.pr.outputs.number }}"), (comment.Scalar("path"), comment.Scalar("number")));
        Assert.DoesNotContain(job.Steps(), s => s.Scalar("uses") == "actions/checkout@v4");
        Assert.Contains(Runs(job), r => r.Contains("*[!0-9]*"));
    }

    [Fact]
    public void The_production_release_keeps_its_state_in_the_ledger_and_never_uploads_or_commits_the_stack_file()
    {
        var job = Job("deploy.yml", "production");

        Assert.Contains(Runs(job), r => r.Contains("deploy --stack production"));
        Assert.DoesNotContain(job.Steps(), s => s.Scalar("uses") == "actions/upload-artifact@v4");
        Assert.DoesNotContain(Runs(job), r => r.Contains("git commit") || r.Contains("git push") || r.Contains("Pulumi.production.yaml"));
    }

    [Fact]
    public void Preview_runs_pulumi_preview_with_oidc_when_a_role_is_configured()
    {
        var job = Job("preview.yml", "cloud-preview");
        var preview = (YamlMappingNode)Step(job, "pulumi/actions@v7").Get("with")!;

        Assert.Equal(
            ("preview", "${{ matrix.stack }}", "true", "true"),
            (preview.Scalar("command"), preview.Scalar("stack-name"), preview.Scalar("diff"), preview.Scalar("comment-on-pr")));
        Assert.Equal("env.CLOUD_PREVIEW == 'true'", Step(job, "aws-actions/configure-aws-credentials@v4").Scalar("if"));
        Assert.Contains("vars[matrix.role_variable]", ((YamlMappingNode)job.Get("env")!).Scalar("CLOUD_PREVIEW"));
    }

    [Fact]
    public void Deploy_updates_staging_with_pulumi_up_and_releases_production_only_through_the_runner()
    {
        var staging = (YamlMappingNode)Step(Job("deploy.yml", "staging"), "pulumi/actions@v7").Get("with")!;
        var production = Job("deploy.yml", "production");

        Assert.Equal(("up", "staging"), (staging.Scalar("command"), staging.Scalar("stack-name")));
        Assert.Equal("production", production.Scalar("environment"));
        Assert.Equal("staging", production.Scalar("needs"));
        Assert.Null(((YamlMappingNode?)Step(production, "pulumi/actions@v7").Get("with"))?.Scalar("command"));
        Assert.Contains(
            Runs(production),
            r => r.Contains("dotnet run --project runner/cli")
                && r.Contains("deploy --stack production --service \"web=$IMAGE\" --steps \"$STEPS\" --bake \"$BAKE\""));
    }

    [Fact]
    public void The_dr_drill_runs_monthly_and_on_demand_and_publishes_its_report_and_no_stack_file()
    {
        var drill = Job("dr-drill.yml", "drill");
        var schedule = (YamlSequenceNode)((YamlMappingNode)WorkflowLinter.Parse(RepoFiles.Workflow("dr-drill.yml")).Get("on")!).Get("schedule")!;

        Assert.Equal(["schedule", "workflow_dispatch"], Triggers("dr-drill.yml"));
        Assert.Equal("0 6 1 * *", ((YamlMappingNode)schedule.Children.Single()).Scalar("cron"));
        Assert.Contains(Runs(drill), r => r.Contains("drill --stack staging --report dr-drill-report.md"));
        Assert.Contains(Runs(drill), r => r.Contains("cat dr-drill-report.md >> \"$GITHUB_STEP_SUMMARY\""));
        var uploads = drill.Steps().Where(s => s.Scalar("uses") == "actions/upload-artifact@v4")
            .Select(s => ((YamlMappingNode)s.Get("with")!).Scalar("path")).ToList();
        // The promotion lives in the release ledger: no stack file to keep or commit.
        Assert.Equal(["dr-drill-report.md"], uploads);
    }
}
