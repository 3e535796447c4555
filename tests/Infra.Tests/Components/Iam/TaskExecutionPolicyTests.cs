using System.Text.Json.Nodes;
using Infra.Components.Iam;

namespace Infra.Tests.Components.Iam;

public sealed class TaskExecutionPolicyTests
{
    private const string LogGroupArn = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/infra-production/web";
    private const string DbSecret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/web/db-Q1w2E3";
    private const string ApiKeySecret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/web/api-key-Zz9";

    private static readonly string[] EcrImages =
    [
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.5.0",
    ];

    [Fact]
    public void Reads_exactly_the_named_secrets_and_writes_exactly_its_log_group()
    {
        var policy = TaskExecutionPolicy.For(EcrImages, LogGroupArn, [DbSecret, ApiKeySecret]);

        var secrets = policy.Statements.Single(s => s.Actions.Any(a => a.StartsWith("secretsmanager:")));
        Assert.Equal(["secretsmanager:GetSecretValue"], secrets.Actions);
        Assert.Equal([ApiKeySecret, DbSecret], secrets.Resources);
        var logs = policy.Statements.Single(s => s.Actions.Any(a => a.StartsWith("logs:")));
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], logs.Actions);
        Assert.Equal([LogGroupArn + ":*"], logs.Resources);
    }

    [Fact]
    public void Pulls_only_from_the_images_repositories_and_uses_a_wildcard_only_for_the_ecr_login()
    {
        var policy = TaskExecutionPolicy.For(EcrImages, LogGroupArn, [DbSecret]);

        var pull = policy.Statements.Single(s => s.Sid == "PullImages");
        Assert.Equal(["arn:aws:ecr:eu-west-1:123456789012:repository/web"], pull.Resources);
        var wildcard = Assert.Single(policy.Statements, s => s.Resources.Contains("*"));
        Assert.Equal(["ecr:GetAuthorizationToken"], wildcard.Actions);
        Assert.DoesNotContain(policy.Statements.SelectMany(s => s.Actions), a => a.Contains('*'));
    }

    [Fact]
    public void Images_from_other_registries_need_no_ecr_statement_and_no_secrets_means_no_secret_statement()
    {
        var policy = TaskExecutionPolicy.For(["public.ecr.aws/nginx/nginx:1.27", "ghcr.io/acme/web:1.0"], LogGroupArn, []);

        Assert.Equal(["WriteLogs"], policy.Statements.Select(s => s.Sid));
    }

    [Fact]
    public void The_document_is_iam_json_with_allow_statements()
    {
        var json = JsonNode.Parse(TaskExecutionPolicy.For([], LogGroupArn, [DbSecret]).ToJson())!;

        Assert.Equal("2012-10-17", (string)json["Version"]!);
        var statement = json["Statement"]![1]!;
        Assert.Equal("Allow", (string)statement["Effect"]!);
        Assert.Equal("secretsmanager:GetSecretValue", (string)statement["Action"]![0]!);
        Assert.Equal(DbSecret, (string)statement["Resource"]![0]!);
    }

    [Fact]
    public void The_trust_policy_lets_only_the_named_service_assume_the_role()
    {
        var json = JsonNode.Parse(PolicyDocument.TrustPolicyFor("ecs-tasks.amazonaws.com"))!;

        var statement = Assert.Single(json["Statement"]!.AsArray())!;
        Assert.Equal("ecs-tasks.amazonaws.com", (string)statement["Principal"]!["Service"]!);
        Assert.Equal("sts:AssumeRole", (string)statement["Action"]!);
    }

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2", "arn:aws:ecr:eu-west-1:123456789012:repository/web")]
    [InlineData("123456789012.dkr.ecr.us-east-2.amazonaws.com/team/api", "arn:aws:ecr:us-east-2:123456789012:repository/team/api")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "arn:aws:ecr:eu-west-1:123456789012:repository/web")]
    public void An_ecr_image_names_its_repository(string image, string expectedArn)
    {
        Assert.True(EcrImage.TryRepositoryArn(image, out var arn));
        Assert.Equal(expectedArn, arn);
    }

    [Fact]
    public void Flow_logs_may_write_only_their_log_group()
    {
        var statement = Assert.Single(FlowLogsPolicy.For(LogGroupArn).Statements);

        Assert.Equal([LogGroupArn + ":*"], statement.Resources);
        Assert.All(statement.Actions, a => Assert.StartsWith("logs:", a));
    }
}
