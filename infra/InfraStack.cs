using System.Collections.Immutable;
using Infra.Components.Data;
using Infra.Components.Dr;
using Infra.Components.Network;
using Infra.Components.Observability;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// The stack: turns validated settings into component resources per region and publishes what operators and
/// the runner need.
/// </summary>
public sealed class InfraStack : Stack
{
    [Output("environment")]
    public Output<string> Environment { get; private set; }

    [Output("region")]
    public Output<string> Region { get; private set; }

    [Output("drRegion")]
    public Output<string?> DrRegion { get; private set; }

    /// <summary>The production listener's address, e.g. <c>https://&lt;alb dns name&gt;</c>.</summary>
    [Output("url")]
    public Output<string> Url { get; private set; }

    /// <summary>The test listener's address (idle colors), e.g. <c>https://&lt;alb dns name&gt;:8443</c>.</summary>
    [Output("testUrl")]
    public Output<string> TestUrl { get; private set; }

    /// <summary>The pilot light's load balancer address; null without a pilot light.</summary>
    [Output("drUrl")]
    public Output<string?> DrUrl { get; private set; }

    /// <summary>The load balancer's ARN suffix, the <c>LoadBalancer</c> dimension of its CloudWatch metrics.</summary>
    [Output("albArnSuffix")]
    public Output<string> AlbArnSuffix { get; private set; }

    [Output("clusterName")]
    public Output<string> ClusterName { get; private set; }

    /// <summary>Per service name: see <see cref="ServiceOutputEntry"/>.</summary>
    [Output("services")]
    public Output<ImmutableDictionary<string, ImmutableDictionary<string, object>>> Services { get; private set; }

    /// <summary>See <see cref="DatabaseOutputEntry"/>.</summary>
    [Output("database")]
    public Output<ImmutableDictionary<string, object?>> Database { get; private set; }

    /// <summary>See <see cref="DrOutputEntry"/>.</summary>
    [Output("dr")]
    public Output<ImmutableDictionary<string, object?>> Dr { get; private set; }

    /// <summary>See <see cref="LedgerOutputEntry"/>.</summary>
    [Output("ledger")]
    public Output<ImmutableDictionary<string, object?>> Ledger { get; private set; }

    /// <summary>Every alarm name by severity (critical, high, medium, low).</summary>
    [Output("alarmNamesBySeverity")]
    public Output<ImmutableDictionary<string, ImmutableArray<string>>> AlarmNamesBySeverity { get; private set; }

    [Output("dashboardName")]
    public Output<string> DashboardName { get; private set; }

    /// <summary>See <see cref="SmokeRouteOutputEntry"/>.</summary>
    [Output("smokeRoute")]
    public Output<ImmutableDictionary<string, object>> SmokeRoute { get; private set; }

    /// <summary>See <see cref="TasksOutputEntry"/>.</summary>
    [Output("tasks")]
    public Output<ImmutableDictionary<string, object>> Tasks { get; private set; }

    public InfraStack(StackSettings settings, StackOptions? options = null) : base(options)
    {
        Environment = Output.Create(settings.Environment.ToConfigName());
        Region = Output.Create(settings.Region);
        DrRegion = Output.Create(settings.DrRegion);

        var logsKey = new LogsKey("logs-key", settings, settings.Region);
        var network = new Network("net", new NetworkArgs { Settings = settings, LogsKmsKeyArn = logsKey.Arn });
        var dr = DrRegionResources.DeclareIfNeeded(settings);
        var database = new Database("db", new DatabaseArgs
        {
            Settings = settings,
            SubnetIds = network.PrivateSubnetIds,
            SecurityGroupId = network.DatabaseSecurityGroupId,
            DrProvider = dr?.Provider,
            DrSubnetIds = dr?.DatabaseSubnetIds,
            DrSecurityGroupId = dr?.DatabaseSecurityGroupId,
        });
        var ledger = new ReleaseLedger("ledger", new ReleaseLedgerArgs { Settings = settings, DrProvider = dr?.Provider });
        var preview = new PreviewSecret("preview", settings);
        // While failed over, the primary's services stay as failover fenced them (see FailoverFence).
        var primary = ServingTier.Declare("", FailoverFence.PrimarySettingsFor(settings), network, database.PrimaryAddress, preview.Value, logsKey);
        var pilotLight = dr is { } drRegion && settings.Dr.PilotLight
            ? ServingTier.Declare("dr-", PilotLight.SettingsFor(settings), drRegion.Network, database.ReplicaAddress.Apply(a => a ?? ""),
                preview.Value, drRegion.LogsKey, settings.DrRegion, new ComponentResourceOptions { Provider = drRegion.Provider })
            : null;
        if (RegistryReplication.IsDeclaredBy(settings)) new RegistryReplication("registry-replication", settings);
        var dns = settings.Dr.Dns is not null && pilotLight is not null
            ? new DnsFailover("dns", new DnsFailoverArgs
            {
                Settings = settings,
                PrimaryAlbDnsName = primary.Alb.DnsName,
                PrimaryAlbZoneId = primary.Alb.ZoneId,
                DrAlbDnsName = pilotLight.Alb.DnsName,
                DrAlbZoneId = pilotLight.Alb.ZoneId,
            })
            : null;
        var observability = StackObservability.Declare(settings, primary, pilotLight, database, dr?.Provider, logsKey, dr?.LogsKey);
        StackReleaseGuard.DeclareIfEnabled(settings, primary, ledger, observability, logsKey);
        StackFeatureFlags.DeclareIfAny(settings, primary, observability);

        Url = primary.Alb.Url;
        TestUrl = primary.Alb.TestUrl;
        DrUrl = pilotLight is null ? Output.Create((string?)null) : pilotLight.Alb.Url.Apply(url => (string?)url);
        AlbArnSuffix = primary.Alb.ArnSuffix;
        ClusterName = primary.Cluster.Name;
        Services = Output.All(primary.Services.Select(served =>
                ServiceOutputEntry.For(settings, served, primary.Alb.TestUrl, observability.Alarms,
                        pilotLight?.Services.Single(copy => copy.Settings.Name == served.Settings.Name))
                    .Apply(entry => KeyValuePair.Create(served.Settings.Name, entry))))
            .Apply(entries => entries.ToImmutableDictionary());
        Database = DatabaseOutputEntry.For(database);
        Ledger = LedgerOutputEntry.For(ledger);
        Dr = DrOutputEntry.For(primary, pilotLight, dns?.HealthCheckId, observability.DrAlerting?.TopicArns[Severity.Critical]);
        AlarmNamesBySeverity = Output.Create(observability.Alarms.AlarmNamesBySeverity
            .ToImmutableDictionary(p => p.Key.ToConfigName(), p => p.Value.ToImmutableArray()));
        DashboardName = Output.Create(observability.Dashboards.DashboardName);
        SmokeRoute = SmokeRouteOutputEntry.For(settings, preview);
        Tasks = TasksOutputEntry.For(primary, network);
    }
}
