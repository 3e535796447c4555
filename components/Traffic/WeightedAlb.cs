using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components.Traffic;

/// <summary>
/// The internet-facing load balancer all services share. The production listener (HTTPS 443, or HTTP 80 on a
/// staging stack without a certificate) forwards each service to its blue and green target groups by weight, and
/// a request carrying the secret preview header to the service's idle color; a test listener, reachable only from
/// configured CIDRs, forwards each service to its idle color.
/// </summary>
public sealed class WeightedAlb : ComponentResource
{
    public const string TypeToken = "infra:traffic:WeightedAlb";
    public const string HstsHeader = "max-age=31536000; includeSubDomains";
    // AWS limits target group names to 32 characters and Pulumi appends an 8-character suffix to auto-names.
    private const int MaxTargetGroupResourceName = 24;

    public Output<string> Arn { get; }
    public Output<string> ArnSuffix { get; }
    public Output<string> DnsName { get; }
    public Output<string> ZoneId { get; }
    /// <summary>e.g. <c>https://&lt;dns name&gt;</c>.</summary>
    public Output<string> Url { get; }
    /// <summary>e.g. <c>https://&lt;dns name&gt;:8443</c>.</summary>
    public Output<string> TestUrl { get; }
    /// <summary>Per service name, in settings order.</summary>
    public IReadOnlyDictionary<string, ServiceTraffic> Services { get; }

    public WeightedAlb(string name, WeightedAlbArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var settings = args.Settings;
        var routes = ServiceRoutes.For(settings.Services);
        CheckTargetGroupNames(name, settings.Services);
        var loadBalancer = settings.LoadBalancer;

        var albArgs = new LoadBalancerArgs
        {
            LoadBalancerType = "application",
            Internal = false,
            Subnets = args.PublicSubnetIds,
            SecurityGroups = { args.SecurityGroupId },
            EnableDeletionProtection = loadBalancer.DeletionProtection,
            DropInvalidHeaderFields = true,
            EnableHttp2 = true,
            IdleTimeout = loadBalancer.IdleTimeoutSeconds,
            Tags = StackConventions.Tags(settings, $"{name}-alb"),
        };
        if (args.AccessLogBucketName is { } bucket)
            albArgs.AccessLogs = new LoadBalancerAccessLogsArgs { Bucket = bucket, Enabled = true, Prefix = AccessLogBucket.Prefix };
        var alb = new LoadBalancer($"{name}-alb", albArgs, Child());
        Arn = alb.Arn;
        ArnSuffix = alb.ArnSuffix;
        DnsName = alb.DnsName;
        ZoneId = alb.ZoneId;

        var targetGroups = routes.ToDictionary(r => r.Service.Name, r => DeclareTargetGroups(name, settings, r.Service, args.VpcId));
        var first = routes[0].Service;
        var production = DeclareProductionListeners(name, args, alb,
            ListenerActions.DefaultForward(WeightedTargets.ForLiveTraffic(first, Arns(targetGroups[first.Name]))));
        var test = DeclareListener($"{name}-test", args, alb, loadBalancer.TestListenerPort,
            ListenerActions.DefaultForward(WeightedTargets.ForTestTraffic(first, Arns(targetGroups[first.Name]))));

        var scheme = loadBalancer.ServesHttps ? "https" : "http";
        Services = routes.ToDictionary(r => r.Service.Name, route =>
        {
            var groups = targetGroups[route.Service.Name];
            var preview = DeclarePreviewRule(name, args, production, route, groups);
            var previewUrl = route.Service.Host is { } host ? Output.Create($"{scheme}://{host}") : Output.Format($"{scheme}://{alb.DnsName}");
            if (route.IsDefaultAction) return new ServiceTraffic(groups, production, production.Arn, test, preview, previewUrl);
            var weights = DeclareRule($"{name}-{route.Service.Name}-rule", settings, production, route,
                WeightedTargets.ForLiveTraffic(route.Service, Arns(groups)));
            var testRule = DeclareRule($"{name}-{route.Service.Name}-test-rule", settings, test, route,
                WeightedTargets.ForTestTraffic(route.Service, Arns(groups)));
            return new ServiceTraffic(groups, weights, weights.Arn, testRule, preview, previewUrl);
        });

        Url = Output.Format($"{scheme}://{alb.DnsName}");
        TestUrl = Output.Format($"{scheme}://{alb.DnsName}:{loadBalancer.TestListenerPort}");

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["arn"] = Arn,
            ["arnSuffix"] = ArnSuffix,
            ["dnsName"] = DnsName,
            ["url"] = Url,
            ["testUrl"] = TestUrl,
        });
    }

    private ColorPair<TargetGroup> DeclareTargetGroups(string name, StackSettings settings, ServiceSettings service, Input<string> vpcId)
    {
        TargetGroup Declare(Color color)
        {
            var groupName = TargetGroupName(name, service, color);
            // No physical name: target group names are limited to 32 characters, so Pulumi auto-names them.
            return new TargetGroup(groupName, new TargetGroupArgs
            {
                TargetType = "ip",
                Protocol = "HTTP",
                Port = service.ContainerPort,
                VpcId = vpcId,
                DeregistrationDelay = service.DeregistrationDelaySeconds,
                SlowStart = service.SlowStartSeconds,
                HealthCheck = new TargetGroupHealthCheckArgs
                {
                    Enabled = true,
                    Protocol = "HTTP",
                    Path = service.HealthCheck.Path,
                    Interval = service.HealthCheck.IntervalSeconds,
                    HealthyThreshold = service.HealthCheck.HealthyThreshold,
                    UnhealthyThreshold = service.HealthCheck.UnhealthyThreshold,
                    Matcher = "200-399",
                },
                Tags = StackConventions.Tags(settings, groupName),
            }, Child());
        }
        return new ColorPair<TargetGroup>(Declare(Color.Blue), Declare(Color.Green));
    }

    // With a certificate: HTTPS 443 forwards and HTTP 80 redirects. Without (staging only): HTTP 80 forwards.
    private Listener DeclareProductionListeners(string name, WeightedAlbArgs args, LoadBalancer alb, ListenerDefaultActionArgs forward)
    {
        if (!args.Settings.LoadBalancer.ServesHttps) return DeclareListener($"{name}-http", args, alb, 80, forward);
        _ = new Listener($"{name}-http", new ListenerArgs
        {
            LoadBalancerArn = alb.Arn,
            Port = 80,
            Protocol = "HTTP",
            DefaultActions = { ListenerActions.RedirectToHttps() },
            Tags = StackConventions.Tags(args.Settings, $"{name}-http"),
        }, Child());
        return DeclareListener($"{name}-https", args, alb, 443, forward);
    }

    /// <summary>HTTPS with the TLS policy and security headers when a certificate is set, plain HTTP otherwise.</summary>
    private Listener DeclareListener(string listenerName, WeightedAlbArgs args, LoadBalancer alb, int port, ListenerDefaultActionArgs action)
    {
        var listener = new ListenerArgs
        {
            LoadBalancerArn = alb.Arn,
            Port = port,
            Protocol = "HTTP",
            DefaultActions = { action },
            Tags = StackConventions.Tags(args.Settings, listenerName),
        };
        if (args.Settings.LoadBalancer.CertificateArn is { } certificate)
        {
            listener.Protocol = "HTTPS";
            listener.CertificateArn = certificate;
            listener.SslPolicy = args.SslPolicy;
            listener.RoutingHttpResponseStrictTransportSecurityHeaderValue = HstsHeader;
            listener.RoutingHttpResponseXContentTypeOptionsHeaderValue = "nosniff";
            listener.RoutingHttpResponseXFrameOptionsHeaderValue = "DENY";
        }
        return new Listener(listenerName, listener, Child());
    }

    private ListenerRule DeclareRule(string ruleName, StackSettings settings, Listener listener, ServiceRoute route,
        IReadOnlyList<WeightedTarget<Input<string>>> targets) =>
        new(ruleName, new ListenerRuleArgs
        {
            ListenerArn = listener.Arn,
            Priority = route.RulePriority,
            Conditions = ListenerActions.Conditions(route),
            Actions = { ListenerActions.RuleForward(targets) },
            Tags = StackConventions.Tags(settings, ruleName),
        }, Child());

    /// <summary>The header route to the idle color on the production listener; priorities as <see cref="ServiceRoutes"/> explains.</summary>
    private ListenerRule DeclarePreviewRule(string name, WeightedAlbArgs args, Listener production, ServiceRoute route, ColorPair<TargetGroup> groups)
    {
        var ruleName = $"{name}-{route.Service.Name}-preview-rule";
        return new ListenerRule(ruleName, new ListenerRuleArgs
        {
            ListenerArn = production.Arn,
            Priority = route.PreviewRulePriority,
            Conditions = ListenerActions.PreviewConditions(route, args.Settings.LoadBalancer.PreviewHeader, args.PreviewHeaderValue),
            Actions = { ListenerActions.RuleForward(WeightedTargets.ForTestTraffic(route.Service, Arns(groups))) },
            Tags = StackConventions.Tags(args.Settings, ruleName),
        }, Child());
    }

    private static string TargetGroupName(string name, ServiceSettings service, Color color) =>
        $"{name}-{service.Name}-tg-{color.ToConfigName()}";

    private static void CheckTargetGroupNames(string name, IEnumerable<ServiceSettings> services)
    {
        var tooLong = services.Select(s => TargetGroupName(name, s, Color.Green)).FirstOrDefault(n => n.Length > MaxTargetGroupResourceName);
        if (tooLong is not null)
            throw new ArgumentException(
                $"target group name '{tooLong}' is longer than {MaxTargetGroupResourceName} characters, which leaves no room for the suffix Pulumi adds within AWS's 32-character limit; shorten the service name or the load balancer's name",
                nameof(services));
    }

    private static ColorPair<Input<string>> Arns(ColorPair<TargetGroup> groups) => new(groups.Blue.Arn, groups.Green.Arn);

    private CustomResourceOptions Child() => new() { Parent = this };
}
