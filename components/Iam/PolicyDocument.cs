using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Components.Iam;

/// <summary>One Allow statement: the actions and the exact resources they apply to, optionally only under conditions.</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources)
{
    /// <summary>Conditions that must all hold. Default: none.</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];
}

/// <summary>
/// One condition of a statement, e.g. <c>ForAllValues:StringEquals</c> on <c>dynamodb:LeadingKeys</c> with the values
/// allowed.
/// </summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>
/// An identity policy of Allow statements, kept as plain data so tests can read what a role may do without Pulumi.
/// </summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    private const string Version = "2012-10-17";

    public string ToJson() => new JsonObject
    {
        ["Version"] = Version,
        ["Statement"] = new JsonArray(Statements.Select(Statement).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonNode Statement(PolicyStatement statement)
    {
        var json = new JsonObject
        {
            ["Sid"] = statement.Sid,
            ["Effect"] = "Allow",
            ["Action"] = StringArray(statement.Actions),
            ["Resource"] = StringArray(statement.Resources),
        };
        if (statement.Conditions.Count > 0)
        {
            var conditions = new JsonObject();
            foreach (var condition in statement.Conditions)
            {
                if (conditions[condition.Operator] is not JsonObject byOperator) conditions[condition.Operator] = byOperator = new JsonObject();
                byOperator[condition.Key] = StringArray(condition.Values);
            }
            json["Condition"] = conditions;
        }
        return json;
    }

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
