using Infra.Runner.Rollout;
using Microsoft.Extensions.Time.Testing;

namespace Runner.Tests.Rollout;

/// <summary>A deploy refuses, before it changes anything, credentials that expire before its worst case is over.</summary>
public class CredentialLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Needed = TimeSpan.FromSeconds(7430);
    private readonly FakeTimeProvider clock = new(Now);

    [Fact]
    public void Credentials_that_expire_before_the_worst_case_are_refused_saying_how_long_the_deploy_needs()
    {
        var session = new ResolvedCredentials(Now.AddHours(1), "environment variables, expiry from AWS_CREDENTIAL_EXPIRATION", Temporary: true);

        var error = Assert.Throws<RolloutInputException>(() => CredentialLifetime.Require(session, Needed, clock));

        Assert.Equal(
            "the AWS credentials (environment variables, expiry from AWS_CREDENTIAL_EXPIRATION) expire at 2026-03-01 13:00:00Z " +
            "(3600 s from now), but this deploy may take up to 7430 s (until 2026-03-01 14:03:50Z); request credentials that " +
            "last at least 7430 s (deploy --print-max-duration prints the figure) and run again; nothing was changed",
            error.Message);
    }

    [Fact]
    public void A_plan_that_may_pause_without_end_is_refused_with_credentials_that_expire()
    {
        var pausing = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], OnInconclusive = "pause" });
        var session = new ResolvedCredentials(Now.AddHours(12), "environment variables, expiry from AWS_CREDENTIAL_EXPIRATION", Temporary: true);

        var error = Assert.Throws<RolloutInputException>(() => CredentialLifetime.RequireBoundedWaits(session, pausing));

        Assert.Equal(
            "infra:rollout.onInconclusive is pause, so a step whose analysis stays inconclusive waits for promote or abort without end, " +
            "but the AWS credentials (environment variables, expiry from AWS_CREDENTIAL_EXPIRATION) expire at 2026-03-02 00:00:00Z, after which " +
            "the rollout could neither watch nor roll back; set onInconclusive: fail, or deploy with credentials the SDK renews " +
            "(a profile, SSO, an instance or container role); nothing was changed",
            error.Message);
        CredentialLifetime.RequireBoundedWaits(new ResolvedCredentials(null, "a profile the SDK renews", Temporary: false), pausing);
        CredentialLifetime.RequireBoundedWaits(session, pausing with { Canary = pausing.Canary with { OnInconclusive = InconclusivePolicy.Fail } });
    }

    [Fact]
    public void A_pause_step_without_a_timeout_is_refused_with_credentials_that_expire_and_a_timed_one_is_not()
    {
        var untimed = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], Steps = "10,pause,50,pause:30m,100" });
        var session = new ResolvedCredentials(Now.AddHours(12), "SessionAWSCredentials", Temporary: true);

        var error = Assert.Throws<RolloutInputException>(() => CredentialLifetime.RequireBoundedWaits(session, untimed));

        Assert.Equal(
            "the steps pause after step 1 without a timeout, so the rollout waits for promote or abort without end, " +
            "but the AWS credentials (SessionAWSCredentials) expire at 2026-03-02 00:00:00Z, after which the rollout could neither watch nor roll back; " +
            "give the pause a timeout (e.g. pause:30m), or deploy with credentials the SDK renews (a profile, SSO, an instance or container role); nothing was changed",
            error.Message);
        CredentialLifetime.RequireBoundedWaits(session, RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], Steps = "10,pause:2h,50,100" }));
        CredentialLifetime.RequireBoundedWaits(new ResolvedCredentials(null, "a profile the SDK renews", Temporary: false), untimed);
    }

    [Fact]
    public void A_resume_is_refused_naming_itself_and_what_is_left_of_the_rollout()
    {
        var session = new ResolvedCredentials(Now.AddMinutes(10), "SessionAWSCredentials", Temporary: true);

        var error = Assert.Throws<RolloutInputException>(() => CredentialLifetime.Require(session, TimeSpan.FromSeconds(3660), clock, "resume"));

        Assert.Equal(
            "the AWS credentials (SessionAWSCredentials) expire at 2026-03-01 12:10:00Z (600 s from now), but this resume may take up to 3660 s " +
            "(until 2026-03-01 13:01:00Z); request credentials that last at least 3660 s and run again; nothing was changed",
            error.Message);
    }

    [Fact]
    public void Expired_credentials_are_refused_as_already_expired()
    {
        var error = Assert.Throws<RolloutInputException>(() =>
            CredentialLifetime.Require(new ResolvedCredentials(Now.AddMinutes(-1), "SessionAWSCredentials", true), Needed, clock));

        Assert.StartsWith("the AWS credentials (SessionAWSCredentials) expire at 2026-03-01 11:59:00Z (already expired), ", error.Message);
    }

    [Fact]
    public void Credentials_that_last_exactly_the_worst_case_pass()
    {
        Assert.Null(CredentialLifetime.Require(new ResolvedCredentials(Now + Needed, "s", true), Needed, clock));
    }

    [Fact]
    public void The_check_uses_the_clock_not_the_machine_time()
    {
        var credentials = new ResolvedCredentials(Now.AddHours(3), "s", true);
        Assert.Null(CredentialLifetime.Require(credentials, Needed, clock));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Throws<RolloutInputException>(() => CredentialLifetime.Require(credentials, Needed, clock));
    }

    [Fact]
    public void Long_lived_keys_have_no_expiry_and_pass_silently()
    {
        Assert.Null(CredentialLifetime.Require(new ResolvedCredentials(null, "EnvironmentVariablesAWSCredentials", Temporary: false), Needed, clock));
    }

    [Fact]
    public void A_session_with_an_unknown_expiry_passes_with_a_warning_saying_how_to_have_it_checked()
    {
        Assert.Equal(
            "the AWS credentials (EnvironmentVariablesAWSCredentials) are a session whose expiry is unknown; this deploy may take up " +
            "to 7430 s, so set AWS_CREDENTIAL_EXPIRATION to the session's expiry to have it checked",
            CredentialLifetime.Require(new ResolvedCredentials(null, "EnvironmentVariablesAWSCredentials", Temporary: true), Needed, clock));
    }
}
