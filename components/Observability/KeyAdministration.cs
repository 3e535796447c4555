using System.Text.Json.Nodes;

namespace Infra.Components.Observability;

/// <summary>
/// The statement every customer key policy of the stack starts with: the key's account keeps full control, without
/// which the key could never be managed again. In a key policy <c>"Resource": "*"</c> means this key only.
/// </summary>
public static class KeyAdministration
{
    /// <param name="keyArn">The key's ARN, whose partition and account the statement names.</param>
    public static JsonObject AccountAdministers(string keyArn)
    {
        var arn = keyArn.Split(':');
        return new JsonObject
        {
            ["Sid"] = "AccountAdministers",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = $"arn:{arn[1]}:iam::{arn[4]}:root" },
            ["Action"] = "kms:*",
            ["Resource"] = "*",
        };
    }
}
