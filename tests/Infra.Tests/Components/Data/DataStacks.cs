using Infra.Components.Data;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using Pulumi;
using Pulumi.Aws;

namespace Infra.Tests.Components.Data;

/// <summary>
/// Small valid stacks for the data and DR components, written as stack-file YAML so each test shows the settings
/// it depends on, and a plan of the <see cref="Database"/> component over fixed network ids.
/// </summary>
internal static class DataStacks
{
    public const string DrProviderName = "aws-dr";
    public static readonly string[] PrimarySubnets = ["subnet-primary-a", "subnet-primary-b"];
    public static readonly string[] DrSubnets = ["subnet-dr-a", "subnet-dr-b"];
    public const string PrimarySecurityGroup = "sg-primary-db";
    public const string DrSecurityGroup = "sg-dr-db";

    public const string Instance = "aws:rds/instance:Instance";
    public const string Key = "aws:kms/key:Key";

    /// <summary>A production stack; each extra line goes under its map, e.g. <c>promote: true</c> under <c>dr</c>.</summary>
    public static StackSettings Production(string[]? database = null, string[]? dr = null, string[]? loadBalancer = null) =>
        Load("production", "production", database, dr,
            loadBalancer ?? ["certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc"]);

    public static StackSettings Staging(string[]? database = null, string[]? dr = null, string[]? loadBalancer = null) =>
        Load("staging", "staging", database, dr, loadBalancer);

    /// <summary>The DR provider's URN in a plan of <paramref name="stack"/>.</summary>
    public static string DrProviderUrn(string stack) => $"urn:pulumi:{stack}::infra::pulumi:providers:aws::{DrProviderName}";

    /// <summary>Plans a <see cref="Database"/> named <c>db</c> with a DR provider and both regions' network ids.</summary>
    public static Task<ComponentPlan> PlanAsync(StackSettings settings, ComponentResourceOptions? options = null) =>
        ComponentPlan.RunAsync(() => Declare(settings, options), settings.StackName);

    public static Database Declare(StackSettings settings, ComponentResourceOptions? options = null) =>
        new("db", new DatabaseArgs
        {
            Settings = settings,
            SubnetIds = PrimarySubnets,
            SecurityGroupId = PrimarySecurityGroup,
            DrProvider = new Provider(DrProviderName, new ProviderArgs { Region = settings.DrRegion! }),
            DrSubnetIds = DrSubnets,
            DrSecurityGroupId = DrSecurityGroup,
        }, options);

    private static StackSettings Load(string stack, string environment, string[]? database, string[]? dr, string[]? loadBalancer)
    {
        var yaml = $"""
            config:
              aws:region: eu-west-1
              infra:environment: {environment}
              infra:drRegion: eu-central-1
              infra:loadBalancer:
            {Lines(loadBalancer)}
              infra:images:
                allowedRegistries: [123456789012.dkr.ecr.eu-west-1.amazonaws.com]
              infra:services:
                web:
                  image:
                    blue: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0.0
                  healthCheck:
                    path: /healthz
              infra:alerting:
                emails:
                  critical: [oncall@example.com]
              infra:database:
            {Lines(database)}
              infra:dr:
            {Lines(dr)}
            """;
        return StackSettingsLoader.FromDocument(StackFile.Parse(stack, $"Pulumi.{stack}.yaml", yaml)).GetValidOrThrow();
    }

    private static string Lines(string[]? lines) => string.Join("\n", (lines ?? []).Select(l => "    " + l));
}
