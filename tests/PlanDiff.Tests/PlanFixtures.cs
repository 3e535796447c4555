using System.Text.Json.Nodes;

namespace PlanDiff.Tests;

/// <summary>The plan files under Fixtures/ and the expected reports under Expected/, copied next to the tests.</summary>
internal static class PlanFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json");

    public static string Json(string name) => File.ReadAllText(PathOf(name));

    public static string Expected(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", file));

    public const string Listener = "urn:pulumi:production::infra::infra:alb:WeightedAlb$aws:lb/listener:Listener::web-https";
    public const string BlueTargetGroup = "urn:pulumi:production::infra::infra:alb:WeightedAlb$aws:lb/targetGroup:TargetGroup::web-blue";
    public const string GreenTask = "urn:pulumi:production::infra::infra:service:BlueGreenService$aws:ecs/taskDefinition:TaskDefinition::web-green";
    public const string Primary = "urn:pulumi:production::infra::infra:data:Database$aws:rds/instance:Instance::db";
    public const string Replica = "urn:pulumi:production::infra::infra:data:Database$aws:rds/instance:Instance::db-replica";

    /// <summary>The base plan with one edit applied, for variants too small to deserve a fixture file.</summary>
    public static string EditedBase(Action<JsonObject> edit)
    {
        var plan = JsonNode.Parse(Json("base"))!.AsObject();
        edit(plan);
        return plan.ToJsonString();
    }

    /// <summary>The inputs of the resource with that URN inside a plan being edited.</summary>
    public static JsonObject Inputs(JsonObject plan, string urn) => Resource(plan, urn)["inputs"]!.AsObject();

    public static JsonObject Resource(JsonObject plan, string urn) =>
        plan["resources"]!.AsArray().Single(r => (string?)r!["urn"] == urn)!.AsObject();
}
