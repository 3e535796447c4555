using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>
/// Every default of the stack settings, in one place. Production gets the stricter values; a value the stack file
/// sets always wins. Pulumi.yaml documents the same defaults.
/// </summary>
public sealed record StackDefaults
{
    public string VpcCidr { get; init; } = "10.0.0.0/16";
    public int AzCount { get; init; } = 2;
    public NatGatewayMode NatGateways { get; init; } = NatGatewayMode.Single;
    public bool FlowLogs { get; init; }

    public int IdleTimeoutSeconds { get; init; } = 60;
    public int TestListenerPort { get; init; } = 8443;
    public bool LoadBalancerDeletionProtection { get; init; }
    public string PreviewHeader { get; init; } = "X-Infra-Preview";
    public SmokeVia SmokeVia { get; init; } = SmokeVia.PreviewHeader;
    public bool AccessLogs { get; init; }
    public int AccessLogRetentionDays { get; init; } = 90;

    public int Cpu { get; init; } = 256;
    public int Memory { get; init; } = 512;
    public CpuArchitecture Architecture { get; init; } = CpuArchitecture.X86_64;
    public int ContainerPort { get; init; } = 8080;
    public int DesiredCount { get; init; } = 1;
    public int IdleDesiredCount { get; init; }
    /// <summary>Autoscaling max is this many times the desired count unless set.</summary>
    public int AutoscalingMaxFactor { get; init; } = 4;
    public int CpuTargetPercent { get; init; } = 60;
    public string HealthCheckPath { get; init; } = "/";
    public int HealthCheckIntervalSeconds { get; init; } = 15;
    public int HealthyThreshold { get; init; } = 3;
    public int UnhealthyThreshold { get; init; } = 3;
    public int DeregistrationDelaySeconds { get; init; } = 30;
    public int SlowStartSeconds { get; init; }
    public int LogRetentionDays { get; init; } = 14;
    public int LatencyBaselineMs { get; init; } = 500;

    public string EngineVersion { get; init; } = "16";
    public string InstanceClass { get; init; } = "db.t4g.medium";
    public int AllocatedStorageGb { get; init; } = 20;
    public int MaxAllocatedStorageGb { get; init; } = 100;
    public bool MultiAz { get; init; }
    public int BackupRetentionDays { get; init; } = 7;
    public string BackupWindow { get; init; } = "02:00-03:00";
    public string MaintenanceWindow { get; init; } = "sun:04:00-sun:05:00";
    public string DatabaseName { get; init; } = "app";
    public string DatabaseUsername { get; init; } = "app_admin";

    public bool DrReplica { get; init; }
    public int DrRtoTargetMinutes { get; init; } = 60;
    public int DrRpoTargetSeconds { get; init; } = 300;

    public SlackMode SlackMode { get; init; } = SlackMode.Lambda;

    public bool ReleaseGuardEnabled { get; init; } = true;

    public ValueList<int> RolloutSteps { get; init; } = ValueList.Of(10, 50, 100);
    // Staging's gates (p99 over 3 one-minute periods) need 3 minutes plus one period to be able to fire.
    public int BakeMinutes { get; init; } = 4;
    public int PollIntervalSeconds { get; init; } = 10;
    public InsufficientDataPolicy InsufficientData { get; init; } = InsufficientDataPolicy.Ok;
    public int TerminationWaitMinutes { get; init; } = 15;
    public int ReadyTimeoutMinutes { get; init; } = 10;
    public int MinRequestsPerStep { get; init; } = 50;
    public int MaxInconclusiveMinutes { get; init; } = 10;
    public InconclusivePolicy OnInconclusive { get; init; } = InconclusivePolicy.Fail;
    public double ErrorRateRatio { get; init; } = 2;
    public double ErrorRateFloorPercent { get; init; } = 1;
    public double LatencyRatio { get; init; } = 2;
    public bool BackupBeforeDeploy { get; init; }
    public int KeepReleaseSnapshots { get; init; } = 10;
    public int MigrationTimeoutMinutes { get; init; } = 30;
    public PauseTimeoutAction PauseTimeoutAction { get; init; } = PauseTimeoutAction.Rollback;

    public string JourneyEvery { get; init; } = "5m";
    public int JourneyExpectStatus { get; init; } = 200;
    // Staging flips flags at once; production spreads a change and then watches the alarms before it is final.
    public int FlagRolloutMinutes { get; init; }
    public int FlagBakeMinutes { get; init; }
    public double FlagGrowthPercent { get; init; } = 20;

    public static StackDefaults Staging { get; } = new();

    public static StackDefaults Production { get; } = new()
    {
        AzCount = 3,
        NatGateways = NatGatewayMode.PerAz,
        FlowLogs = true,
        LoadBalancerDeletionProtection = true,
        AccessLogs = true,
        DesiredCount = 2,
        LogRetentionDays = 90,
        InstanceClass = "db.r6g.large",
        AllocatedStorageGb = 100,
        MaxAllocatedStorageGb = 500,
        MultiAz = true,
        BackupRetentionDays = 14,
        DrReplica = true,
        BakeMinutes = 5,
        FlagRolloutMinutes = 10,
        FlagBakeMinutes = 10,
        BackupBeforeDeploy = true,
    };

    public static StackDefaults For(StackEnvironment environment) =>
        environment == StackEnvironment.Production ? Production : Staging;
}
