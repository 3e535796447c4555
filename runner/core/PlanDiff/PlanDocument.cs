using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>A plan file written by <c>./build.sh plan &lt;stack&gt; --json</c>.</summary>
public sealed record PlanDocument(
    string Project,
    string Stack,
    string? Flavor,
    IReadOnlyList<PlanResource> Resources,
    JsonObject Outputs);

/// <summary>
/// One declared resource. Inputs are keyed by wire name; secrets read <c>"[secret]"</c>; values computed by other
/// resources are tokens such as <c>${aws:lb/targetGroup:TargetGroup::web-blue.arn}</c>.
/// </summary>
public sealed record PlanResource(
    string Urn,
    string Type,
    string Name,
    bool Custom,
    string? Parent,
    string? Provider,
    bool Protect,
    bool RetainOnDelete,
    IReadOnlyList<string> IgnoreChanges,
    IReadOnlyList<string> DependsOn,
    JsonObject Inputs);
