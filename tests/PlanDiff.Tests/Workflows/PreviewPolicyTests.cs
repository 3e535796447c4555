using System.Text.Json;
using System.Text.RegularExpressions;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// .github/iam/preview-readonly-policy.json, the permissions of the role pull-request code previews with, only reads:
/// describe, list and metadata get actions, the release ledger's item, and KMS decryption of that item through DynamoDB.
/// </summary>
public partial class PreviewPolicyTests
{
    // Reads that return a secret's value or stored data, not a resource's description.
    private static readonly string[] SecretReads =
    [
        "secretsmanager:getsecretvalue", "ssm:getparameter", "ssm:getparameters", "ssm:getparametersbypath", "s3:getobject",
        "kms:generatedatakey", "lambda:invokefunction", "dynamodb:query", "dynamodb:scan", "dynamodb:batchgetitem",
    ];

    private static JsonElement Policy { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, ".github", "iam", "preview-readonly-policy.json"))).RootElement;

    private static IEnumerable<JsonElement> Statements => Policy.GetProperty("Statement").EnumerateArray();

    private static IEnumerable<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!) : [value.GetString()!];

    private static JsonElement Statement(string sid) => Statements.Single(s => s.GetProperty("Sid").GetString() == sid);

    [Fact]
    public void Every_statement_allows_listed_actions_on_listed_resources()
    {
        Assert.Equal("2012-10-17", Policy.GetProperty("Version").GetString());
        foreach (var statement in Statements)
        {
            var keys = statement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            // NotAction or NotResource would allow everything else.
            Assert.Empty(keys.Except(["Sid", "Effect", "Action", "Resource", "Condition"]));
        }
    }

    [Fact]
    public void Every_action_only_reads_and_none_returns_a_secret_or_acts_as_another_identity()
    {
        var actions = Statements.SelectMany(s => Strings(s.GetProperty("Action"))).ToList();

        Assert.All(actions, action => Assert.Matches(ReadAction(), action));
        Assert.DoesNotContain(actions, a => a.Contains('*') && !WildcardRead().IsMatch(a));
        Assert.DoesNotContain(actions, a => SecretReads.Contains(a.ToLowerInvariant()));
        Assert.DoesNotContain(actions, a => a.StartsWith("iam:PassRole", StringComparison.OrdinalIgnoreCase) || a.StartsWith("sts:AssumeRole", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_only_item_read_is_each_stack_s_release_ledger_entry()
    {
        var ledger = Statement("ReadTheReleaseLedgersDesiredRelease");

        Assert.Equal(["dynamodb:GetItem"], Strings(ledger.GetProperty("Action")));
        Assert.Equal(
            ["arn:aws:dynamodb:*:123456789012:table/infra-staging-releases", "arn:aws:dynamodb:*:123456789012:table/infra-production-releases"],
            Strings(ledger.GetProperty("Resource")));
        Assert.DoesNotContain(
            Statements.Where(s => s.GetProperty("Resource").ToString() == "*").SelectMany(s => Strings(s.GetProperty("Action"))),
            a => a.StartsWith("dynamodb:Get", StringComparison.Ordinal));
    }

    [Fact]
    public void Kms_decrypts_only_for_dynamodb_reading_a_ledger_table()
    {
        var decrypts = Statements.Where(s => Strings(s.GetProperty("Action")).Contains("kms:Decrypt")).ToList();
        var condition = Assert.Single(decrypts).GetProperty("Condition").GetProperty("StringLike");

        Assert.Equal(["kms:Decrypt"], Strings(decrypts[0].GetProperty("Action")));
        Assert.Equal("dynamodb.*.amazonaws.com", condition.GetProperty("kms:ViaService").GetString());
        Assert.Equal(["infra-staging-releases", "infra-production-releases"], Strings(condition.GetProperty("kms:EncryptionContext:aws:dynamodb:tableName")));
    }

    [Theory]
    [InlineData("elasticloadbalancing:DescribeRules")]
    [InlineData("elasticloadbalancing:DescribeListeners")]
    public void No_action_reads_listener_rules_whose_conditions_hold_the_preview_header_s_value(string read)
    {
        // preview.yml never refreshes and the program has no data sources, so the preview reads no listener or rule.
        var actions = Statements.SelectMany(s => Strings(s.GetProperty("Action")));

        Assert.DoesNotContain(actions, a => Regex.IsMatch(read, "^" + Regex.Escape(a).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void The_preview_never_refreshes()
    {
        var preview = RepoFiles.Workflow("preview.yml");

        Assert.DoesNotContain("refresh", preview, StringComparison.OrdinalIgnoreCase);
    }

    // service:Describe…, service:List…, service:Get…, or kms:Decrypt (held to DynamoDB above).
    [GeneratedRegex(@"^([a-z0-9-]+:(Describe|List|Get)[A-Za-z0-9]*\*?|kms:Decrypt)$")]
    private static partial Regex ReadAction();

    // A wildcard only over a service's Describe or List actions: Get* would include secret values.
    [GeneratedRegex(@"^[a-z0-9-]+:(Describe|List)\*$")]
    private static partial Regex WildcardRead();
}
