using System.Text.Json.Nodes;
using Infra.Components.Observability;

namespace Infra.Tests.Components.Observability;

/// <summary>Issue 17 item 4: the log groups' key lets the region's CloudWatch Logs use it for this account's log groups only.</summary>
public class LogsKeyPolicyTests
{
    private const string KeyArn = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public void The_account_administers_the_key_and_the_regions_cloudwatch_logs_uses_it_for_the_accounts_log_groups()
    {
        var statements = JsonNode.Parse(LogsKeyPolicy.For(KeyArn, "eu-central-1"))!["Statement"]!.AsArray();

        Assert.Equal(
            """{"Sid":"AccountAdministers","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}""",
            statements[0]!.ToJsonString());
        Assert.Equal(
            """{"Sid":"CloudWatchLogsEncrypts","Effect":"Allow","Principal":{"Service":"logs.eu-central-1.amazonaws.com"},"Action":["kms:Encrypt*","kms:Decrypt*","kms:ReEncrypt*","kms:GenerateDataKey*","kms:Describe*"],"Resource":"*","Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-central-1:123456789012:log-group:*"}}}""",
            statements[1]!.ToJsonString());
        Assert.Equal(2, statements.Count);
    }
}
