using System.Text.Json.Nodes;
using Infra.Runner.Plan;
using Pulumi;

namespace Infra.Tests.Support;

/// <summary>
/// Runs a piece of a program (a component, or several) against the plan engine and answers questions about what
/// it declared: inputs by wire name, parent, provider, options. Values only the cloud computes appear as
/// <c>${TYPE::NAME.OUTPUT}</c> tokens; secrets as <c>[secret]</c>.
/// </summary>
public sealed class ComponentPlan
{
    public JsonObject Document { get; }

    private ComponentPlan(JsonObject document) => Document = document;

    public static async Task<ComponentPlan> RunAsync(Action declare, string stack = "staging") =>
        new(await PlanBuilder.PlanAsync(stack, options => new HarnessStack(options, declare)));

    public static async Task<ComponentPlan> OfStackFileAsync(string stackFilePath) => Of(await PlanBuilder.BuildAsync(stackFilePath));

    /// <summary>A plan the caller built, e.g. with a release source.</summary>
    public static ComponentPlan Of(PlanResult result) => new(result.Document);

    public IReadOnlyList<JsonObject> Resources => Document["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public IReadOnlyList<JsonObject> OfType(string type) => Resources.Where(r => (string)r["type"]! == type).ToList();

    public JsonObject Resource(string type, string name) =>
        Resources.SingleOrDefault(r => (string)r["type"]! == type && (string)r["name"]! == name)
        ?? throw new Xunit.Sdk.XunitException($"no {type} named '{name}' in the plan; it has: {string.Join(", ", OfType(type).Select(r => r["name"]))}");

    public JsonObject Inputs(string type, string name) => Resource(type, name)["inputs"]!.AsObject();

    public JsonObject Outputs => Document["outputs"]!.AsObject();

    public string Urn(string type, string name) => (string)Resource(type, name)["urn"]!;

    public IReadOnlyList<string> Urns => Resources.Select(r => (string)r["urn"]!).ToList();

    /// <summary>The token the plan shows for an output of another resource, e.g. a target group's ARN.</summary>
    public static string Token(string type, string name, string output) => PlanMocks.Token(type, name, output);

    private sealed class HarnessStack : Stack
    {
        public HarnessStack(StackOptions options, Action declare) : base(options) => declare();
    }
}
