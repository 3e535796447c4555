using System.Text.Json.Nodes;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using Pulumi;

namespace Infra.Tests.Components.Traffic;

/// <summary>A <see cref="WeightedAlb"/> declared alone against the mocks, and what its tests read from the plan.</summary>
internal static class AlbPlan
{
    public const string Alb = "aws:lb/loadBalancer:LoadBalancer";
    public const string Listener = "aws:lb/listener:Listener";
    public const string Rule = "aws:lb/listenerRule:ListenerRule";
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";

    /// <summary>The preview header's value the tests pass in, as a Pulumi secret; no plan may show it.</summary>
    public const string PreviewValue = "preview-value-of-the-test";

    public static Task<ComponentPlan> RunAsync(StackSettings settings) =>
        ComponentPlan.RunAsync(() => new WeightedAlb("alb", new WeightedAlbArgs
        {
            Settings = settings,
            VpcId = "vpc-1",
            PublicSubnetIds = new[] { "subnet-pub-a", "subnet-pub-b" },
            SecurityGroupId = "sg-lb",
            PreviewHeaderValue = Output.CreateSecret(PreviewValue),
        }), settings.StackName);

    public static string Arn(string group) => ComponentPlan.Token(TargetGroup, group, "arn");

    /// <summary>The target groups and weights of a forward action.</summary>
    public static List<(string Arn, long Weight)> ForwardTargets(JsonNode action) =>
        action["forward"]!["targetGroups"]!.AsArray().Select(t => ((string)t!["arn"]!, (long)t["weight"]!)).ToList();
}
