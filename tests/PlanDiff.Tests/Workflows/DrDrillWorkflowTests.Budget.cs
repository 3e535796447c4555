using Infra.Runner.Dr;
using Infra.Runner.Drill;
using static PlanDiff.Tests.Workflows.WorkflowContractTests;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// The arithmetic in dr-drill.yml's comments, from the runner's own bounds: a job killed by its timeout is safer than a
/// runner whose credentials expire mid-step (a fail-back then cannot even undo its switchover), so every job ends
/// before its session, and the drill's waits fit its job. A fail-back's bounds add up to more than any session, so it
/// gets a second attempt that resumes it.
/// </summary>
public partial class DrDrillWorkflowTests
{
    /// <summary>
    /// UnansweredPromote: after a PromoteReadReplica call that got no answer, RDS is watched until it shows the instance
    /// standalone, or up to <see cref="DrOptions.Promote"/> while it is neither; then the promotion's own wait follows.
    /// </summary>
    private static TimeSpan UnansweredPromote(DrOptions options) => options.Promote;

    [Fact]
    public void Each_job_ends_before_its_role_session_which_sts_allows()
    {
        Assert.All(AllJobs, j =>
        {
            Assert.True(Timeout(j.Job) < Session(j.Job), $"{j.Name}: timeout-minutes {Timeout(j.Job)} must end the job before its session of {Session(j.Job)}");
            Assert.True(Session(j.Job) <= LongestSession, $"{j.Name}: a session of {Session(j.Job)} is longer than STS gives");
        });
    }

    /// <summary>
    /// The lease wait, the markers' minute, the promotion (a promote call that got no answer is watched up to
    /// <see cref="DrOptions.Promote"/> before the wait for the promoted instance), each DR service started one after the
    /// other, the health check.
    /// </summary>
    [Fact]
    public void The_drills_waits_fit_its_job()
    {
        var job = Job(DrDrill, "drill");
        var run = RunnerStep(job, "drill");
        var options = new DrOptions(0);
        var worst = Flag(run, "--lease-wait") + DrillOptions.MarkerWindow + UnansweredPromote(options) + options.Promote + options.Services * StagingEcsServices + Flag(run, "--timeout");

        Assert.Equal(TimeSpan.FromMinutes(181), worst);
        Assert.True(worst + Setup <= Timeout(job), $"the drill may wait {worst} besides {Setup} of setup; its job ends at {Timeout(job)}");
    }

    /// <summary>
    /// The waits of a fail-back that does everything: the lease; the primary's services stopped; a new replica (old
    /// primary renamed aside, replica available, its parameter group settled before and after a reboot); catch-up; the
    /// DR services stopped; final catch-up; promotion (an unanswered promote call watched first); the primary's services
    /// started; the DR side rebuilt the same way.
    /// </summary>
    [Fact]
    public void A_fail_back_may_outlast_one_session_so_a_second_attempt_with_fresh_credentials_resumes_it()
    {
        var failback = Job(DrDrill, "failback");
        var options = new DrOptions(0);
        var services = options.Services * StagingEcsServices;
        var newReplica = options.Promote + options.Replica + options.Replica * 2;
        var worst = Flag(FailbackCommandLine, "--lease-wait") + services + newReplica + options.Replica + services + options.FinalCatchUp
            + UnansweredPromote(options) + options.Promote + services + newReplica;

        Assert.Equal(TimeSpan.FromMinutes(1600), worst);
        Assert.True(worst > LongestSession);
        // What the comments say: each attempt (and finishing an earlier one) ends at 11 h 30 min; two cover 23 h.
        Assert.All(["finish-failback", "failback", "failback-resume"], name => Assert.Equal(TimeSpan.FromMinutes(690), Timeout(Job(DrDrill, name))));
        Assert.Equal(TimeSpan.FromHours(23), Timeout(failback) * 2);
    }
}
