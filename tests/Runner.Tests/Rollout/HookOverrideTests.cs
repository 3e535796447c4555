using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// Per-deploy overrides of the stack's release hooks (--no-migration REASON, --no-webhooks, --skip-webhook NAME,
/// --pause-timeout-action, besides --snapshot/--no-snapshot): validated word for word, applied to the plan, journaled,
/// and kept in the rollout record so a resume on another machine applies the same.
/// </summary>
public class HookOverrideTests
{
    private static readonly RolloutWebhook Audit = new("audit", new Uri("https://audit.example/hook"), WebhookAt.PostStep, TimeSpan.FromSeconds(5));
    private static readonly RolloutWebhook Notify = new("notify", new Uri("https://notify.example/hook"), WebhookAt.PostRelease, TimeSpan.FromSeconds(5));

    /// <summary>Arguments as the stack gives them: two webhooks, a migration, a timed pause, rollback at its timeout.</summary>
    private static RolloutArguments FromStack => new()
    {
        Services = ["web=web:2"],
        Steps = "10,pause:30m,50,100",
        Webhooks = [Audit, Notify],
        Migration = new MigrationArguments("web", ["./migrate"], "10m"),
        BackupBeforeDeploy = true,
        Production = true,
        FromStack = true,
    };

    private static string Refusal(RolloutArguments args) => Assert.Throws<RolloutInputException>(() => RolloutPlanParser.Parse(args)).Message;

    [Fact]
    public void The_flags_change_the_plan_and_are_kept_in_it_as_typed()
    {
        var plan = RolloutPlanParser.Parse(FromStack with
        {
            NoSnapshot = true, NoMigrationReason = "  schema applied by hand in INC-123 ", SkipWebhooks = ["audit"], PauseTimeoutActionFlag = "promote",
        });

        Assert.Equal([Notify], plan.Webhooks);
        Assert.Equal((false, null), (plan.Hooks.Snapshot, plan.Hooks.Migration));
        Assert.Equal(PauseTimeoutAction.Promote, plan.PauseTimeoutAction);
        Assert.Equal(
            "--no-snapshot, --no-migration \"schema applied by hand in INC-123\", --skip-webhook audit, --pause-timeout-action promote",
            plan.Overrides.Describe());
        Assert.Empty(RolloutPlanParser.Parse(FromStack with { NoWebhooks = true }).Webhooks);
        Assert.False(RolloutPlanParser.Parse(FromStack).Overrides.Any);
    }

    [Fact]
    public void Flags_that_contradict_each_other_or_name_what_the_stack_does_not_declare_are_refused()
    {
        Assert.Equal("--skip-webhook 'adit': the stack declares no webhook of that name; it declares: audit, notify",
            Refusal(FromStack with { SkipWebhooks = ["adit"] }));
        Assert.Equal("--skip-webhook 'audit': the stack declares no webhooks (infra:rollout.hooks.webhooks)",
            Refusal(FromStack with { Webhooks = [], SkipWebhooks = ["audit"] }));
        Assert.Equal("--skip-webhook audit is given twice", Refusal(FromStack with { SkipWebhooks = ["audit", "audit"] }));
        Assert.Equal("--no-webhooks already skips every webhook; drop --skip-webhook", Refusal(FromStack with { NoWebhooks = true, SkipWebhooks = ["audit"] }));
        Assert.Equal("--no-webhooks: the stack declares no webhooks (infra:rollout.hooks.webhooks); drop the flag",
            Refusal(FromStack with { Webhooks = [], NoWebhooks = true }));
        Assert.Equal(
            "--no-migration needs a reason, e.g. --no-migration \"schema applied by hand in INC-123\"; it is journaled and shown by status and history",
            Refusal(FromStack with { NoMigrationReason = " " }));
        Assert.Equal("--no-migration: the stack declares no migration (infra:rollout.hooks.migration); drop the flag",
            Refusal(FromStack with { Migration = null, NoMigrationReason = "not needed" }));
        Assert.Equal("--pause-timeout-action must be rollback or promote, got 'continue'", Refusal(FromStack with { PauseTimeoutActionFlag = "continue" }));
        Assert.Equal(
            "--pause-timeout-action applies when a timed pause (pause:30m) times out, and the steps 10,pause,50,100 have none; drop the flag or add one to --steps",
            Refusal(FromStack with { Steps = "10,pause,50,100", PauseTimeoutActionFlag = "promote" }));
        Assert.Equal("--snapshot and --no-snapshot contradict each other; give only one of them", Refusal(FromStack with { SnapshotFlag = true, NoSnapshot = true }));
    }

    [Fact]
    public void Before_the_stack_is_read_only_the_flags_themselves_are_checked()
    {
        var alone = new RolloutArguments { Services = ["web"], SkipWebhooks = ["audit"], NoMigrationReason = "by hand", PauseTimeoutActionFlag = "promote" };

        Assert.Equal("--no-migration \"by hand\", --skip-webhook audit, --pause-timeout-action promote", RolloutPlanParser.Parse(alone).Overrides.Describe());
        Assert.Equal("--pause-timeout-action must be rollback or promote, got 'x'", Refusal(alone with { PauseTimeoutActionFlag = "x" }));
    }

    [Fact]
    public void Without_the_migration_a_production_release_needs_no_snapshot()
    {
        var plan = RolloutPlanParser.Parse(FromStack with { BackupBeforeDeploy = false, NoMigrationReason = "applied by hand" });

        Assert.Equal((false, null), (plan.Hooks.Snapshot, plan.Hooks.Migration));
    }

    [Fact]
    public async Task The_overrides_are_journaled_and_a_resume_on_another_machine_applies_the_same()
    {
        var harness = new RolloutHarness("web");
        using var kill = new CancellationTokenSource();
        // Killed ten minutes into the pause; the stack's action at its timeout would be rollback.
        harness.AlarmState = (_, at) =>
        {
            if (harness.Record?.Find("pause:1") is { State: HookState.Running } pause && at >= pause.StartedAt + TimeSpan.FromMinutes(10)) kill.Cancel();
            return AlarmState.Ok;
        };
        // No webhook sender: a post-step webhook that were called would fail its step.
        var plan = RolloutPlanParser.Parse(new RolloutArguments
        {
            Services = ["web=web:2"], Steps = "10,pause:30m,50,100", Webhooks = [Audit], SkipWebhooks = ["audit"], PauseTimeoutActionFlag = "promote", FromStack = true,
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(plan, kill.Token));

        var id = harness.Events[0].RolloutId;
        var overridden = harness.Event(RolloutEventKind.HooksOverridden);
        Assert.Equal($"Rollout {id} overrides the stack's release hooks for this deploy: --skip-webhook audit, --pause-timeout-action promote", overridden.Message);
        Assert.Equal("--skip-webhook audit, --pause-timeout-action promote", overridden.Data["overrides"]);
        Assert.Contains((NotificationSeverity.Info, overridden.Message), harness.Notifications);
        Assert.Equal("--skip-webhook audit, --pause-timeout-action promote", harness.Record!.Plan.Overrides.Describe());
        harness.AlarmState = (_, _) => AlarmState.Ok;

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Contains(harness.Events, e => e.Kind == RolloutEventKind.Started
            && e.Message == $"Rollout {id} resumed in phase Shifting at step 1, with its deploy's overrides: --skip-webhook audit, --pause-timeout-action promote");
        Assert.Equal("timed out; pauseTimeoutAction promote",
            harness.Events.Last(e => e.Kind == RolloutEventKind.HookFinished && e.Data["hook"] == "pause:1").Data["output"]);
        Assert.DoesNotContain(harness.Events, e => e.Kind == RolloutEventKind.HookStarted && e.Data["hook"] == "webhook:audit");
    }
}
