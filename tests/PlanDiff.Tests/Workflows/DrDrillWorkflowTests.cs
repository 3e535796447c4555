using System.Text.RegularExpressions;
using Infra.Runner.Rollout;
using YamlDotNet.RepresentationModel;
using static PlanDiff.Tests.Workflows.WorkflowContractTests;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// dr-drill.yml: an unfinished fail-back finished (on request), the drill, the fail-back and its one resumption, each a
/// job with fresh credentials of its own that ends before its role session does, and the runner's waits (its own
/// bounds, DrOptions, and the flags each job passes) inside that job's timeout.
/// </summary>
public partial class DrDrillWorkflowTests
{
    private const string DrDrill = "dr-drill.yml";

    /// <summary>Each job's steps around the runner: checkout, .NET, the Pulumi CLI, `dotnet run`'s build, the reports.</summary>
    private static readonly TimeSpan Setup = TimeSpan.FromMinutes(15);

    /// <summary>The longest role session STS gives (a role's maximum session duration is at most 12 hours).</summary>
    private static readonly TimeSpan LongestSession = TimeSpan.FromHours(12);

    private static YamlMappingNode Root => WorkflowLinter.Parse(RepoFiles.Workflow(DrDrill));

    private static IEnumerable<(string Name, YamlMappingNode Job)> AllJobs =>
        Jobs(DrDrill).Children.Select(j => (((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value));

    private static YamlMappingNode RunnerStep(YamlMappingNode job, string command) =>
        job.Steps().Single(s => s.Scalar("run")?.Contains($"-- {command} --stack staging", StringComparison.Ordinal) == true);

    /// <summary>The step of a fail-back job: the shared script, which runs the runner's failback and counts exit 6 as done.</summary>
    private static YamlMappingNode FailbackStep(YamlMappingNode job) =>
        job.Steps().Single(s => s.Scalar("run")?.StartsWith(".github/scripts/finish-failback.sh staging ", StringComparison.Ordinal) == true);

    /// <summary>The runner's command line in .github/scripts/finish-failback.sh.</summary>
    private static string FailbackCommandLine =>
        File.ReadAllLines(Path.Combine(RepoFiles.Root, ".github", "scripts", "finish-failback.sh")).Single(l => l.StartsWith("dotnet run ", StringComparison.Ordinal));

    [GeneratedRegex(@"(?<flag>--[a-z-]+) (?<value>\d+[smhd])\b")]
    private static partial Regex DurationFlag();

    /// <summary>A duration flag of the runner's command line, parsed as the runner parses it.</summary>
    private static TimeSpan Flag(string commandLine, string flag) =>
        DurationFlag().Matches(commandLine).Where(m => m.Groups["flag"].Value == flag).Select(m => DurationParser.Parse(flag, m.Groups["value"].Value)).Single();

    private static TimeSpan Flag(YamlMappingNode step, string flag) => Flag(step.Scalar("run")!, flag);

    private static TimeSpan Session(YamlMappingNode job) =>
        TimeSpan.FromSeconds(int.Parse(With(Uses(job, "aws-actions/configure-aws-credentials").Single()).Scalar("role-duration-seconds")!));

    private static TimeSpan Timeout(YamlMappingNode job) => TimeSpan.FromMinutes(int.Parse(job.Scalar("timeout-minutes")!));

    /// <summary>ECS services per region that a DR step may wait on one by one: each of staging's services in both colors.</summary>
    private static int StagingEcsServices =>
        ((YamlMappingNode)((YamlMappingNode)WorkflowLinter.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, "Pulumi.staging.yaml"))).Get("config")!)
            .Get("infra:services")!).Children.Count * 2;

    [Fact]
    public void It_runs_monthly_and_on_demand_in_four_jobs_in_order_inside_one_concurrency_group()
    {
        var schedule = (YamlSequenceNode)((YamlMappingNode)Root.Get("on")!).Get("schedule")!;

        Assert.Equal(["schedule", "workflow_dispatch"], Triggers(DrDrill));
        Assert.Equal("0 6 1 * *", ((YamlMappingNode)schedule.Children.Single()).Scalar("cron"));
        Assert.Equal(
            [("finish-failback", ""), ("drill", "finish-failback"), ("failback", "drill"), ("failback-resume", "drill,failback")],
            AllJobs.Select(j => (j.Name, string.Join(",", Needs(j.Job)))));
        // Not deploy.yml's group (a push would cancel a pending drill): the stack's lease keeps releases and DR commands
        // apart. Set on the workflow, so a second run waits until every job of this one ended.
        var concurrency = (YamlMappingNode)Root.Get("concurrency")!;
        Assert.Equal(("dr-drill-staging", "false"), (concurrency.Scalar("group"), concurrency.Scalar("cancel-in-progress")));
        Assert.All(AllJobs, j => Assert.Null(j.Job.Get("concurrency")));
        Assert.Equal("deploy", ((YamlMappingNode)WorkflowLinter.Parse(RepoFiles.Workflow("deploy.yml")).Get("concurrency")!).Scalar("group"));
    }

    [Fact]
    public void Only_a_manual_run_that_asks_finishes_an_unfinished_fail_back_and_the_drill_follows_only_its_success_or_its_absence()
    {
        var finish = Job(DrDrill, "finish-failback");
        var drill = Job(DrDrill, "drill");
        var script = FailbackStep(finish);

        // A scheduled run has no inputs: it must not fail back a failover left standing on purpose.
        Assert.Equal("inputs.finish-failback", finish.Scalar("if"));
        Assert.Equal(".github/scripts/finish-failback.sh staging dr-failback-earlier-report.md", script.Scalar("run"));
        Assert.Equal("${{ secrets.PULUMI_ACCESS_TOKEN }}", Env(script).Scalar("PULUMI_ACCESS_TOKEN"));
        Assert.Equal("${{ !cancelled() && (needs.finish-failback.result == 'success' || needs.finish-failback.result == 'skipped') }}", drill.Scalar("if"));
        Assert.Null(RunnerStep(drill, "drill").Get("if"));
        Assert.DoesNotContain(Runs(drill), r => r.Contains("-- failback", StringComparison.Ordinal) || r.Contains("finish-failback.sh", StringComparison.Ordinal));
    }

    [Fact]
    public void The_fail_back_runs_in_its_own_job_whenever_the_drill_may_have_promoted_and_is_resumed_once_when_it_did_not_finish()
    {
        var drill = Job(DrDrill, "drill");
        var steps = drill.Steps().ToList();
        var decide = steps.Single(s => s.Scalar("id") == "promoted");

        Assert.True(steps.IndexOf(RunnerStep(drill, "drill")) < steps.IndexOf(decide), "the drill, then the decision");
        Assert.Equal("always()", decide.Scalar("if"));
        // The report's mayBePromoted, or, without one, how the drill step ended and the runner's exit code.
        Assert.Equal(".github/scripts/drill-failback-needed.sh dr-drill-report.json \"$DRILL_OUTCOME\" \"$DRILL_EXIT\" >> \"$GITHUB_OUTPUT\"", decide.Scalar("run"));
        Assert.Equal(("${{ steps.drill.outcome }}", "${{ steps.drill.outputs.exit }}"), (Env(decide).Scalar("DRILL_OUTCOME"), Env(decide).Scalar("DRILL_EXIT")));
        Assert.Contains("|| status=$?\necho \"exit=$status\" >> \"$GITHUB_OUTPUT\"\nexit \"$status\"", RunnerStep(drill, "drill").Scalar("run"));
        Assert.Equal("${{ steps.promoted.outputs.needed }}", ((YamlMappingNode)drill.Get("outputs")!).Scalar("failback"));
        // After a failed or missed-target drill too: whatever it promoted goes back.
        Assert.Equal("always() && needs.drill.outputs.failback == 'true'", Job(DrDrill, "failback").Scalar("if"));
        Assert.Equal("always() && needs.drill.outputs.failback == 'true' && needs.failback.result != 'success' && needs.failback.result != 'skipped'",
            Job(DrDrill, "failback-resume").Scalar("if"));
        // Both through the script every fail-back job shares: the runner's exit 6 (nothing to fail back) is no failure.
        Assert.Equal(".github/scripts/finish-failback.sh staging dr-failback-report.md", FailbackStep(Job(DrDrill, "failback")).Scalar("run"));
        Assert.Equal(".github/scripts/finish-failback.sh staging dr-failback-resumed-report.md", FailbackStep(Job(DrDrill, "failback-resume")).Scalar("run"));
        Assert.Equal("dotnet run --project runner/cli -c Release -- failback --stack \"$stack\" --yes --lease-wait 30m --report \"$report\" --log-json || status=$?",
            FailbackCommandLine);
        Assert.All(AllJobs, j => Assert.DoesNotContain(Runs(j.Job), r => r.Contains("-- failback", StringComparison.Ordinal)));
        Assert.Contains("drill --stack staging --lease-wait 30m --timeout 30m --report dr-drill-report.md --log-json", RunnerStep(drill, "drill").Scalar("run"));
    }

    [Fact]
    public void Each_job_runs_inside_the_vpc_in_staging_with_fresh_oidc_credentials_and_nothing_else()
    {
        Assert.Empty(((YamlMappingNode)Root.Get("permissions")!).Children);
        foreach (var (name, job) in AllJobs)
        {
            var credentials = With(Uses(job, "aws-actions/configure-aws-credentials").Single());
            Assert.Equal(["self-hosted", "linux", "x64", "infra-dr-drill"], ((YamlSequenceNode)job.Get("runs-on")!).Children.Select(l => ((YamlScalarNode)l).Value));
            Assert.Equal("staging", job.Scalar("environment"));
            Assert.Equal(["contents: read", "id-token: write"], ((YamlMappingNode)job.Get("permissions")!).Children.Select(p => $"{p.Key}: {p.Value}"));
            Assert.Equal(("${{ vars.AWS_ROLE_ARN_STAGING }}", "${{ vars.AWS_REGION }}"), (credentials.Scalar("role-to-assume"), credentials.Scalar("aws-region")));
            Assert.True(Runs(job).Any(r => r.Contains("echo \"PGSSLROOTCERT=$RUNNER_TEMP/rds-ca-bundle.pem\" >> \"$GITHUB_ENV\"", StringComparison.Ordinal)), $"{name} trusts RDS's CAs");
            // The role is not granted a restore drill's calls (dr-drill-policy.json).
            Assert.DoesNotContain(Runs(job), r => r.Contains("--restore", StringComparison.Ordinal));
        }

        // Pull-request code must never reach a machine inside the VPC: every other job runs on GitHub's runners.
        foreach (var workflow in new[] { "preview.yml", "preview-comment.yml", "deploy.yml" })
        {
            foreach (var (name, job) in Jobs(workflow).Children.Select(j => (((YamlScalarNode)j.Key).Value, (YamlMappingNode)j.Value)))
            {
                Assert.True(job.Get("runs-on") is YamlScalarNode { Value: "ubuntu-latest" }, $"{workflow} job '{name}' must run on ubuntu-latest");
            }
        }
    }

    [Theory]
    [InlineData("finish-failback", "dr-failback-earlier-report")]
    [InlineData("drill", "dr-drill-report")]
    [InlineData("failback", "dr-failback-report")]
    [InlineData("failback-resume", "dr-failback-resumed-report")]
    public void Each_job_publishes_its_reports_in_its_summary_and_as_an_artifact_and_no_stack_file(string name, string report)
    {
        var job = Job(DrDrill, name);
        var upload = With(Uses(job, "actions/upload-artifact").Single());

        Assert.Equal((report, $"{report}.md\n{report}.json\n"), (upload.Scalar("name"), upload.Scalar("path")));
        Assert.Contains(Runs(job), r => r.Contains($"cat {report}.md >> \"$GITHUB_STEP_SUMMARY\"", StringComparison.Ordinal));
        // The promotion lives in the release ledger: no stack file to keep or commit.
        Assert.DoesNotContain(Runs(job), r => r.Contains("Pulumi.staging.yaml", StringComparison.Ordinal) || r.Contains("git commit", StringComparison.Ordinal));
    }
}
