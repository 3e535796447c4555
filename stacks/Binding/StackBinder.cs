using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>
/// Turns the neutral tree into settings with the environment's defaults filled in. Reports type errors and
/// unknown keys; the rules between values are <see cref="Validation.StackValidator"/>'s.
/// </summary>
public static class StackBinder
{
    public static StackSettings Bind(StackDocument document, Diagnostics diagnostics)
    {
        foreach (var key in document.Config.Entries.Select(e => e.Key)
                     .Where(k => !ConfigKeys.Namespaces.Contains(ConfigKeys.NamespaceOf(k))))
            diagnostics.Error(key, DidYouMean.UnknownNamespaceMessage(ConfigKeys.NamespaceOf(key), ConfigKeys.Namespaces));

        var ours = document.Config.Entries.Where(e => ConfigKeys.IsOurs(e.Key)).ToList();
        var top = new MapReader(new ConfigMap(ours), "", diagnostics);

        // The environment picks the defaults for everything else, so it is read first.
        var environmentNode = top.Node(ConfigKeys.Environment);
        var environment = top.AsEnum<StackEnvironment>(environmentNode, ConfigKeys.Environment);
        if (environmentNode is null)
            diagnostics.Error(ConfigKeys.Environment, "required; use one of: staging, production");
        var defaults = StackDefaults.For(environment ?? StackEnvironment.Staging);

        var network = BindNetwork(top.Map(ConfigKeys.Network), defaults);
        var settings = new StackSettings(
            StackName: document.StackName,
            Environment: environment ?? StackEnvironment.Staging,
            Region: top.String(ConfigKeys.AwsRegion) ?? "",
            DrRegion: top.String(ConfigKeys.DrRegion),
            Network: network,
            LoadBalancer: BindLoadBalancer(top.Map(ConfigKeys.LoadBalancer), defaults, network.Cidr),
            Services: ServiceBinder.BindAll(top.Map(ConfigKeys.Services), defaults),
            Database: DatabaseBinder.Bind(top.Map(ConfigKeys.Database), defaults),
            Dr: BindDr(top.Map(ConfigKeys.Dr), defaults),
            Alerting: AlertingBinder.BindAlerting(top.Map(ConfigKeys.Alerting), defaults),
            AlarmOverrides: AlertingBinder.BindAlarmOverrides(top.Map(ConfigKeys.Alarms)),
            Rollout: RolloutBinder.BindRollout(top.Map(ConfigKeys.Rollout), defaults),
            Images: BindImages(top.Map(ConfigKeys.Images)),
            ReleaseGuard: BindReleaseGuard(top.Map(ConfigKeys.ReleaseGuard), defaults))
        {
            Synthetics = ObservabilityBinder.BindSynthetics(top.MapList(ConfigKeys.Synthetics), defaults),
            FeatureFlags = ObservabilityBinder.BindFeatureFlags(top.MapList(ConfigKeys.FeatureFlags)),
            FeatureFlagRollout = ObservabilityBinder.BindFlagRollout(top.Map(ConfigKeys.FeatureFlagRollout), defaults),
        };
        if (top.Node(ConfigKeys.RetiredRolloutInProgress) is not null)
        {
            diagnostics.Error(ConfigKeys.RetiredRolloutInProgress,
                $"no longer read: the runner keeps the rollout in progress in the stack's release ledger ({LedgerTable.NameFor(document.StackName)}); " +
                $"remove the key (pulumi config rm {ConfigKeys.RetiredRolloutInProgress} --stack {document.StackName}) and run infra-runner status");
        }

        top.ReportUnknownKeys();
        return settings;
    }

    private static NetworkSettings BindNetwork(MapReader network, StackDefaults defaults)
    {
        var settings = new NetworkSettings(
            Cidr: network.String("cidr") ?? defaults.VpcCidr,
            AzCount: network.Int("azCount") ?? defaults.AzCount,
            NatGateways: network.Enum<NatGatewayMode>("natGateways") ?? defaults.NatGateways,
            FlowLogs: network.Bool("flowLogs") ?? defaults.FlowLogs,
            ExistingVpcId: network.String("existingVpcId"),
            ExistingPublicSubnetIds: network.StringList("existingPublicSubnetIds") ?? ValueList<string>.Empty,
            ExistingPrivateSubnetIds: network.StringList("existingPrivateSubnetIds") ?? ValueList<string>.Empty);
        network.ReportUnknownKeys();
        return settings;
    }

    private static LoadBalancerSettings BindLoadBalancer(MapReader loadBalancer, StackDefaults defaults, string vpcCidr)
    {
        var settings = new LoadBalancerSettings(
            CertificateArn: loadBalancer.String("certificateArn"),
            IdleTimeoutSeconds: loadBalancer.Int("idleTimeoutSeconds") ?? defaults.IdleTimeoutSeconds,
            TestListenerPort: loadBalancer.Int("testListenerPort") ?? defaults.TestListenerPort,
            TestListenerCidrs: loadBalancer.StringList("testListenerCidrs") ?? ValueList.Of(vpcCidr),
            DeletionProtection: loadBalancer.Bool("deletionProtection") ?? defaults.LoadBalancerDeletionProtection,
            PreviewHeader: loadBalancer.String("previewHeader") ?? defaults.PreviewHeader,
            SmokeVia: loadBalancer.Enum<SmokeVia>("smokeVia") ?? defaults.SmokeVia)
        {
            AccessLogs = ObservabilityBinder.BindAccessLogs(loadBalancer.Map("accessLogs"), defaults),
        };
        loadBalancer.ReportUnknownKeys();
        return settings;
    }

    private static ImageSettings BindImages(MapReader images)
    {
        var settings = new ImageSettings(images.StringList("allowedRegistries"));
        images.ReportUnknownKeys();
        return settings;
    }

    private static ReleaseGuardSettings BindReleaseGuard(MapReader guard, StackDefaults defaults)
    {
        var settings = new ReleaseGuardSettings(Enabled: guard.Bool("enabled") ?? defaults.ReleaseGuardEnabled);
        guard.ReportUnknownKeys();
        return settings;
    }

    private static DrSettings BindDr(MapReader dr, StackDefaults defaults)
    {
        var dnsReader = dr.Map("dns");
        var zoneId = dnsReader.String("zoneId");
        var name = dnsReader.String("name");
        dnsReader.ReportUnknownKeys();

        // Half a DNS setting is kept as empty text so the validator can say which half is missing.
        var settings = new DrSettings(
            Replica: dr.Bool("replica") ?? defaults.DrReplica,
            Promote: dr.Bool("promote") ?? false,
            PilotLight: dr.Bool("pilotLight") ?? false,
            Dns: zoneId is null && name is null ? null : new DnsFailoverSettings(zoneId ?? "", name ?? ""),
            CertificateArn: dr.String("certificateArn"),
            ReplicatedRepositories: dr.StringList("replicatedRepositories"),
            DeclareEcrReplication: dr.Bool("declareEcrReplication") ?? true)
        {
            RtoTargetMinutes = dr.Int("rtoTargetMinutes") ?? defaults.DrRtoTargetMinutes,
            RpoTargetSeconds = dr.Int("rpoTargetSeconds") ?? defaults.DrRpoTargetSeconds,
        };
        dr.ReportUnknownKeys();
        return settings;
    }
}
