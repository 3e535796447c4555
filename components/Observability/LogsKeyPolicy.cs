using System.Text.Json.Nodes;

namespace Infra.Components.Observability;

/// <summary>
/// The key policy of a region's log-group key: the account administers the key (<see cref="KeyAdministration"/>), and
/// CloudWatch Logs of that region may use it only for this account's log groups: the encryption context CloudWatch Logs
/// sends names the log group, and the condition pins it to the account and region.
/// </summary>
public static class LogsKeyPolicy
{
    public static string For(string keyArn, string region)
    {
        var arn = keyArn.Split(':');
        var (partition, account) = (arn[1], arn[4]);
        return new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(
                KeyAdministration.AccountAdministers(keyArn),
                new JsonObject
                {
                    ["Sid"] = "CloudWatchLogsEncrypts",
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = $"logs.{region}.amazonaws.com" },
                    ["Action"] = new JsonArray("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
                    ["Resource"] = "*",
                    ["Condition"] = new JsonObject
                    {
                        ["ArnLike"] = new JsonObject
                        {
                            ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{partition}:logs:{region}:{account}:log-group:*",
                        },
                    },
                }),
        }.ToJsonString();
    }
}
