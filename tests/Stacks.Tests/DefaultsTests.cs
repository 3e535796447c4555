using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

public class DefaultsTests
{
    [Fact]
    public void Staging_gets_the_lighter_defaults()
    {
        var s = StackBuilder.Staging().Load().GetValidOrThrow();

        Assert.Equal(new NetworkSettings("10.0.0.0/16", 2, NatGatewayMode.Single, false, null,
            ValueList<string>.Empty, ValueList<string>.Empty), s.Network);
        Assert.Equal(new LoadBalancerSettings(null, 60, 8443, ValueList.Of("10.0.0.0/16"), false, "X-Infra-Preview", SmokeVia.PreviewHeader), s.LoadBalancer);
        Assert.Equal(new DatabaseSettings("16", "db.t4g.medium", 20, 100, false, 7, "02:00-03:00",
            "sun:04:00-sun:05:00", "app", "app_admin", null), s.Database);
        Assert.Equal(new DrSettings(false, false, false, null) { RtoTargetMinutes = 60, RpoTargetSeconds = 300 }, s.Dr);
        Assert.Equal(new RolloutSettings(ValueList.Of(10, 50, 100), 4, 10, InsufficientDataPolicy.Ok, 15, 10, new ReleaseHookSettings(false, 10, null, WebhookHooks.None))
        {
            MinRequestsPerStep = 50, MaxInconclusiveMinutes = 10, OnInconclusive = InconclusivePolicy.Fail,
            ErrorRateRatio = 2, ErrorRateFloorPercent = 1, LatencyRatio = 2,
        }, s.Rollout);
        var web = s.DefaultService;
        Assert.Equal((256, 512, CpuArchitecture.X86_64, 8080), (web.Cpu, web.Memory, web.Architecture, web.ContainerPort));
        Assert.Equal((Color.Blue, new ColorPair<int>(100, 0)), (web.LiveColor, web.Weights));
        Assert.Equal((1, 0, 14), (web.DesiredCount, web.IdleDesiredCount, web.LogRetentionDays));
        Assert.Equal(new AutoscalingSettings(1, 4, 60), web.Autoscaling);
        Assert.Equal(new HealthCheckSettings("/", 15, 3, 3), web.HealthCheck);
        Assert.Equal((30, 0, 500), (web.DeregistrationDelaySeconds, web.SlowStartSeconds, web.LatencyBaselineMs));
        Assert.Equal(SlackMode.Lambda, s.Alerting.Slack.Mode);
    }

    [Fact]
    public void Production_gets_the_stricter_defaults()
    {
        var s = StackBuilder.Production().Load().GetValidOrThrow();

        Assert.Equal((3, NatGatewayMode.PerAz, true), (s.Network.AzCount, s.Network.NatGateways, s.Network.FlowLogs));
        Assert.True(s.LoadBalancer.DeletionProtection);
        Assert.Equal(new ReleaseHookSettings(true, 10, null, WebhookHooks.None), s.Rollout.Hooks);
        Assert.Equal(("db.r6g.large", 100, 500, true, 14),
            (s.Database.InstanceClass, s.Database.AllocatedStorageGb, s.Database.MaxAllocatedStorageGb,
             s.Database.MultiAz, s.Database.BackupRetentionDays));
        Assert.True(s.Dr.Replica);
        Assert.Equal(5, s.Rollout.BakeMinutes);
        Assert.Equal((2, 90), (s.DefaultService.DesiredCount, s.DefaultService.LogRetentionDays));
        Assert.Equal(new AutoscalingSettings(2, 8, 60), s.DefaultService.Autoscaling);
    }

    [Fact]
    public void The_stack_files_value_wins_over_the_environment_default()
    {
        var s = StackBuilder.Production()
            .Set("infra:network", "azCount", 2)
            .Set("infra:network", "natGateways", "single")
            .Set("infra:network", "flowLogs", false)
            .Set("infra:loadBalancer", "deletionProtection", false)
            .Set("infra:database", "multiAz", false)
            .Set("infra:database", "backupRetentionDays", 3)
            .Set("infra:dr", "replica", false)
            .Set("infra:rollout", "bakeMinutes", 7)
            .Set("infra:services", "web.desiredCount", 5)
            .Load().GetValidOrThrow();

        Assert.Equal((2, NatGatewayMode.Single, false), (s.Network.AzCount, s.Network.NatGateways, s.Network.FlowLogs));
        Assert.False(s.LoadBalancer.DeletionProtection);
        Assert.Equal((false, 3), (s.Database.MultiAz, s.Database.BackupRetentionDays));
        Assert.False(s.Dr.Replica);
        Assert.Equal(7, s.Rollout.BakeMinutes);
        Assert.Equal(new AutoscalingSettings(5, 20, 60), s.DefaultService.Autoscaling);
    }

    [Fact]
    public void Without_weights_all_traffic_goes_to_the_live_color()
    {
        var s = StackBuilder.Staging()
            .Set("infra:services", "web.liveColor", "green")
            .Set("infra:services", "web.image.green", "repo/web:2")
            .Load().GetValidOrThrow();

        Assert.Equal(new ColorPair<int>(0, 100), s.DefaultService.Weights);
        Assert.Equal(Color.Blue, s.DefaultService.IdleColor);
    }

    [Fact]
    public void Test_listener_cidrs_default_to_the_vpc_cidr()
    {
        var s = StackBuilder.Staging().Set("infra:network", "cidr", "10.42.0.0/16").Load().GetValidOrThrow();

        Assert.Equal(ValueList.Of("10.42.0.0/16"), s.LoadBalancer.TestListenerCidrs);
    }
}
