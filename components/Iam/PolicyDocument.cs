using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Components.Iam;

/// <summary>One Allow statement: the actions and the exact resources they apply to.</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources);

/// <summary>
/// An identity policy of Allow statements, kept as plain data so tests can read what a role may do without Pulumi.
/// </summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    private const string Version = "2012-10-17";

    public string ToJson() => new JsonObject
    {
        ["Version"] = Version,
        ["Statement"] = new JsonArray(Statements.Select(s => (JsonNode)new JsonObject
        {
            ["Sid"] = s.Sid,
            ["Effect"] = "Allow",
            ["Action"] = StringArray(s.Actions),
            ["Resource"] = StringArray(s.Resources),
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>The trust policy that lets an AWS service (e.g. <c>ecs-tasks.amazonaws.com</c>) assume a role.</summary>
    public static string TrustPolicyFor(string servicePrincipal) => new JsonObject
    {
        ["Version"] = Version,
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = servicePrincipal },
            ["Action"] = "sts:AssumeRole",
        }),
    }.ToJsonString();

    private static JsonArray StringArray(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
