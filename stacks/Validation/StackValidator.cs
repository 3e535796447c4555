using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>
/// The rules between settings values, run once over bound settings. Every problem is reported; nothing stops at
/// the first. Messages name the key path, the bad value and what is allowed.
/// </summary>
public static class StackValidator
{
    public static void Validate(StackSettings settings, Diagnostics diagnostics, IReadOnlyCollection<string> knownAlarmKeys)
    {
        ValidateRegions(settings, diagnostics);
        ValidateNetwork(settings.Network, diagnostics);
        ValidateLoadBalancer(settings, diagnostics);
        ServiceRules.Validate(settings.Services, settings.Dr.PilotLight, diagnostics);
        ImageRules.Validate(settings, diagnostics);
        DatabaseRules.Validate(settings.Database, diagnostics);
        ValidateDr(settings, diagnostics);
        DrRepositoryRules.Validate(settings, diagnostics);
        AlertingRules.Validate(settings, diagnostics);
        AlertingRules.ValidateAlarmOverrides(settings.AlarmOverrides, knownAlarmKeys, diagnostics);
        RolloutRules.Validate(settings, diagnostics);
        SyntheticsRules.Validate(settings, diagnostics);
        FeatureFlagRules.Validate(settings, diagnostics);
    }

    private static void ValidateRegions(StackSettings settings, Diagnostics d)
    {
        if (settings.Region.Length == 0)
            d.Error(ConfigKeys.AwsRegion, "required; set the primary AWS region, e.g. eu-west-1");
        else
            CheckRegion(ConfigKeys.AwsRegion, settings.Region, d);

        if (settings.DrRegion is not { } drRegion) return;
        CheckRegion(ConfigKeys.DrRegion, drRegion, d);
        if (drRegion == settings.Region)
            d.Error(ConfigKeys.DrRegion, $"{Shown.Text(drRegion)} is the same as aws:region; the DR region must be a different region");
    }

    private static void CheckRegion(string key, string region, Diagnostics d)
    {
        if (!AwsRegions.IsKnown(region))
            d.Error(key, $"{Shown.Text(region)} is not an AWS region; expected an existing region name such as eu-west-1");
    }

    private static void ValidateNetwork(NetworkSettings network, Diagnostics d)
    {
        const string path = ConfigKeys.Network;
        CheckCidr($"{path}.cidr", network.Cidr, d, "10.0.0.0/16", out var prefix);
        if (prefix >= 0 && prefix is < 16 or > 28)
            d.Error($"{path}.cidr", $"prefix /{prefix} is out of range; a VPC allows /16 to /28");
        d.CheckRange($"{path}.azCount", network.AzCount, 2, 6);

        var hasSubnets = network.ExistingPublicSubnetIds.Count > 0 || network.ExistingPrivateSubnetIds.Count > 0;
        if (network.AdoptsExistingVpc)
        {
            if (network.ExistingPublicSubnetIds.Count == 0)
                d.Error($"{path}.existingPublicSubnetIds", "required when existingVpcId is set");
            if (network.ExistingPrivateSubnetIds.Count == 0)
                d.Error($"{path}.existingPrivateSubnetIds", "required when existingVpcId is set");
        }
        else if (hasSubnets)
        {
            d.Error($"{path}.existingVpcId", "required when existing subnet ids are set");
        }
    }

    // Each region with a load balancer (the pilot light's too) writes its logs to a bucket there.
    private static void CheckAccessLogRegions(StackSettings settings, Diagnostics d)
    {
        var regions = new List<(string Key, string Region)> { (ConfigKeys.AwsRegion, settings.Region) };
        if (settings.Dr.PilotLight && settings.DrRegion is { } drRegion) regions.Add((ConfigKeys.DrRegion, drRegion));
        foreach (var (key, region) in regions.Where(r => AwsRegions.IsKnown(r.Region) && !ElbLogWriters.IsSupported(r.Region)))
            d.Error($"{ConfigKeys.LoadBalancer}.accessLogs.enabled",
                $"AWS documents no load-balancer log delivery for {Shown.Text(region)} ({key}); set it to false there, or use one of: {string.Join(", ", ElbLogWriters.SupportedRegions)}");
    }

    private static void ValidateLoadBalancer(StackSettings settings, Diagnostics d)
    {
        const string path = ConfigKeys.LoadBalancer;
        var loadBalancer = settings.LoadBalancer;
        if (loadBalancer.CertificateArn is { } arn)
        {
            CheckCertificateArn($"{path}.certificateArn", arn, d);
        }
        else if (settings.IsProduction)
        {
            d.Error($"{path}.certificateArn", "required in production; set the ARN of an ACM certificate for the HTTPS listener");
        }
        else
        {
            d.Warning($"{path}.certificateArn", "not set; staging serves plain HTTP on port 80");
        }

        d.CheckRange($"{path}.idleTimeoutSeconds", loadBalancer.IdleTimeoutSeconds, 1, 4000);
        d.CheckRange($"{path}.accessLogs.retentionDays", loadBalancer.AccessLogs.RetentionDays, 1, 3650);
        if (loadBalancer.AccessLogs.Enabled) CheckAccessLogRegions(settings, d);
        var port = loadBalancer.TestListenerPort;
        if (d.CheckRange($"{path}.testListenerPort", port, 1, 65535) && port is 80 or 443)
            d.Error($"{path}.testListenerPort", $"{port} is taken by the production listeners (80 and 443); choose another port, e.g. 8443");
        PreviewHeaderName.Check($"{path}.previewHeader", loadBalancer.PreviewHeader, d);
        for (var i = 0; i < loadBalancer.TestListenerCidrs.Count; i++)
        {
            var cidrPath = KeyPath.Item($"{path}.testListenerCidrs", i);
            CheckCidr(cidrPath, loadBalancer.TestListenerCidrs[i], d, "10.0.0.0/8", out var prefix);
            // The test listener serves versions nobody has released yet; production keeps it off the internet.
            if (settings.IsProduction && prefix == 0 && Cidr.TryParse(loadBalancer.TestListenerCidrs[i], out _))
                d.Error(cidrPath, $"{Shown.Text(loadBalancer.TestListenerCidrs[i])} opens the test listener to the internet; production allows only private or office ranges, e.g. 10.0.0.0/8");
        }
    }

    private static void ValidateDr(StackSettings settings, Diagnostics d)
    {
        var dr = settings.Dr;
        if (settings.DrRegion is null && (dr.Replica || dr.PilotLight))
            d.Error(ConfigKeys.DrRegion, "required when infra:dr.replica or infra:dr.pilotLight is true");
        if (dr.Promote && !dr.Replica)
            d.Error($"{ConfigKeys.Dr}.promote", "true needs a replica to promote; set infra:dr.replica: true");
        if (dr.PilotLight && !dr.Replica)
            d.Error($"{ConfigKeys.Dr}.pilotLight", "true needs a database in the DR region for its services; set infra:dr.replica: true");
        if (settings.Network.ExistingVpcId is not null && (dr.Replica || dr.PilotLight))
            d.Error($"{ConfigKeys.Network}.existingVpcId",
                "an adopted VPC exists only in aws:region, but infra:dr needs a network in infra:drRegion too; remove existingVpcId or turn off dr.replica and dr.pilotLight");
        if (dr.PilotLight && settings.DrRegion is { } drRegion && settings.LoadBalancer.CertificateArn is not null && dr.CertificateArn is null)
            d.Error($"{ConfigKeys.Dr}.certificateArn",
                $"required with a pilot light when infra:loadBalancer.certificateArn is set: an ACM certificate in {drRegion} (certificates are regional)");
        if (dr.CertificateArn is { } certificate)
            CheckCertificateArn($"{ConfigKeys.Dr}.certificateArn", certificate, d);
        // A drill's targets: a day bounds any recovery worth drilling; zero would fail every drill.
        d.CheckRange($"{ConfigKeys.Dr}.rtoTargetMinutes", dr.RtoTargetMinutes, 1, 1440);
        d.CheckRange($"{ConfigKeys.Dr}.rpoTargetSeconds", dr.RpoTargetSeconds, 1, 86400);

        if (dr.Dns is not { } dns) return;
        if (dns.ZoneId.Length == 0)
            d.Error($"{ConfigKeys.Dr}.dns.zoneId", "required when infra:dr.dns.name is set");
        if (dns.Name.Length == 0)
            d.Error($"{ConfigKeys.Dr}.dns.name", "required when infra:dr.dns.zoneId is set");
        if (!dr.PilotLight)
            d.Error($"{ConfigKeys.Dr}.dns", "DNS failover needs the DR load balancer; set infra:dr.pilotLight: true");
    }

    private static void CheckCertificateArn(string path, string arn, Diagnostics d)
    {
        if (!arn.StartsWith("arn:aws:acm:", StringComparison.Ordinal))
            d.Error(path, $"{Shown.Text(arn)} is not an ACM certificate ARN; expected arn:aws:acm:<region>:<account>:certificate/<id>");
    }

    private static void CheckCidr(string path, string text, Diagnostics d, string example, out int prefix)
    {
        if (!Cidr.TryParse(text, out prefix))
            d.Error(path, $"{Shown.Text(text)} is not an IPv4 CIDR block; expected a form like {example}");
    }
}
