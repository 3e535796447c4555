using System.Text.RegularExpressions;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// The drill policy's resources against the Service Authorization Reference: every ARN has the format of a resource
/// type each of its statement's actions accepts, and every resource type an action requires (* in the reference) is
/// granted to it. Every row was read in the reference's machine-readable copy (iann0036/iam-dataset aws/iam_definition.json,
/// commit 08eff2d7): CreateDBInstanceReadReplica requires db, og, pg and subgrp, so the option and parameter groups a new
/// instance gets must be granted too; RegisterScalableTarget requires a ScalableTarget
/// (<c>scalable-target/${ResourceId}</c>, a generated id) and takes the service-namespace and scalable-dimension keys;
/// ECS UpdateService and DescribeServices require a service (<c>service/${ClusterName}/${ServiceName}</c>); Route 53
/// UpdateHealthCheck requires a healthcheck (<c>arn:aws:route53:::healthcheck/${Id}</c>); CloudWatch
/// GetMetricStatistics has no resource type, so only <c>*</c>; nor have Elastic Load Balancing v2's DescribeListeners and
/// DescribeRules (the reference's ELBv2 table lists no resource for them). SNS Publish requires a topic
/// (<c>arn:aws:sns:${Region}:${Account}:${TopicName}</c>). RebootDBInstance requires db only (the reference's RDS
/// table, read for fail-back's parameter group step).
/// </summary>
public partial class DrDrillPolicyTests
{
    /// <summary>The reference's ARN formats, with the account and region filled in and a name pattern allowed.</summary>
    private static readonly Dictionary<string, Regex> ArnFormats = new(StringComparer.Ordinal)
    {
        ["rds:db"] = new(@"^arn:aws:rds:[a-z0-9-]+:\d{12}:db:[^:/]+$"),
        ["rds:og"] = new(@"^arn:aws:rds:[a-z0-9-]+:\d{12}:og:[^/]+$"),
        ["rds:pg"] = new(@"^arn:aws:rds:[a-z0-9-]+:\d{12}:pg:[^:/]+$"),
        ["rds:subgrp"] = new(@"^arn:aws:rds:[a-z0-9-]+:\d{12}:subgrp:[^:/]+$"),
        ["ecs:service"] = new(@"^arn:aws:ecs:[a-z0-9-]+:\d{12}:service/[^/]+/[^/]+$"),
        ["application-autoscaling:ScalableTarget"] = new(@"^arn:aws:application-autoscaling:[a-z0-9-]+:\d{12}:scalable-target/[^/]+$"),
        ["route53:healthcheck"] = new(@"^arn:aws:route53:::healthcheck/[^/]+$"),
        ["secretsmanager:Secret"] = new(@"^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:[^:]+$"),
        ["dynamodb:table"] = new(@"^arn:aws:dynamodb:[a-z0-9-]+:\d{12}:table/[^/]+$"),
        ["kms:key"] = new(@"^arn:aws:kms:[a-z0-9-]+:\d{12}:key/[^/]+$"),
        ["sns:topic"] = new(@"^arn:aws:sns:[a-z0-9-]+:\d{12}:[^:/]+$"),
    };

    /// <summary>Per action, the resource types it accepts and those it requires; none accepted means only <c>*</c>.</summary>
    private static readonly Dictionary<string, (string[] Accepts, string[] Requires)> ResourceTypes = new(StringComparer.Ordinal)
    {
        ["cloudwatch:GetMetricStatistics"] = ([], []),
        ["elasticloadbalancing:DescribeListeners"] = ([], []),
        ["elasticloadbalancing:DescribeRules"] = ([], []),
        ["secretsmanager:GetSecretValue"] = (["secretsmanager:Secret"], ["secretsmanager:Secret"]),
        ["kms:Decrypt"] = (["kms:key"], ["kms:key"]),
        ["kms:GenerateDataKey"] = (["kms:key"], ["kms:key"]),
        ["kms:CreateGrant"] = (["kms:key"], ["kms:key"]),
        ["kms:DescribeKey"] = (["kms:key"], ["kms:key"]),
        ["rds:DescribeDBInstances"] = (["rds:db"], ["rds:db"]),
        ["rds:PromoteReadReplica"] = (["rds:db"], ["rds:db"]),
        ["rds:ModifyDBInstance"] = (["rds:db", "rds:og", "rds:pg", "rds:subgrp"], ["rds:db"]),
        ["rds:RebootDBInstance"] = (["rds:db"], ["rds:db"]),
        ["rds:CrossRegionCommunication"] = (["rds:db"], []),
        ["rds:CreateDBInstanceReadReplica"] = (["rds:db", "rds:og", "rds:pg", "rds:subgrp"], ["rds:db", "rds:og", "rds:pg", "rds:subgrp"]),
        ["ecs:UpdateService"] = (["ecs:service"], ["ecs:service"]),
        ["ecs:DescribeServices"] = (["ecs:service"], ["ecs:service"]),
        ["application-autoscaling:RegisterScalableTarget"] = (["application-autoscaling:ScalableTarget"], ["application-autoscaling:ScalableTarget"]),
        ["route53:UpdateHealthCheck"] = (["route53:healthcheck"], ["route53:healthcheck"]),
        ["dynamodb:GetItem"] = (["dynamodb:table"], ["dynamodb:table"]),
        ["dynamodb:PutItem"] = (["dynamodb:table"], ["dynamodb:table"]),
        ["dynamodb:UpdateItem"] = (["dynamodb:table"], ["dynamodb:table"]),
        ["dynamodb:DeleteItem"] = (["dynamodb:table"], ["dynamodb:table"]),
        ["sns:Publish"] = (["sns:topic"], ["sns:topic"]),
    };

    [Fact]
    public void Every_resource_has_a_format_each_action_of_its_statement_accepts()
    {
        foreach (var statement in Statements)
        {
            var sid = statement.GetProperty("Sid").GetString();
            foreach (var action in Strings(statement.GetProperty("Action")))
            {
                Assert.True(ResourceTypes.TryGetValue(action, out var types), $"{sid}: {action} has no resource types here; add them from the Service Authorization Reference");
                foreach (var resource in Strings(statement.GetProperty("Resource")))
                    Assert.True(resource == "*" ? types.Accepts.Length == 0 : types.Accepts.Any(t => ArnFormats[t].IsMatch(resource)),
                        $"{sid}: {resource} is not a resource {action} accepts ({(types.Accepts.Length == 0 ? "only *" : string.Join(", ", types.Accepts))})");
            }
        }
    }

    [Fact]
    public void Every_resource_type_an_action_requires_is_granted_to_it()
    {
        foreach (var (action, types) in ResourceTypes)
        {
            var granted = Statements.Where(s => Strings(s.GetProperty("Action")).Contains(action))
                .SelectMany(s => Strings(s.GetProperty("Resource"))).ToList();
            Assert.All(types.Requires, type => Assert.True(granted.Any(ArnFormats[type].IsMatch), $"{action} requires a {type} resource; none is granted"));
        }
    }

    /// <summary>The program names the cluster <c>infra-&lt;stack&gt;</c> in both regions (components/Compute/ServiceCluster.cs).</summary>
    [Fact]
    public void Services_are_those_of_the_stacks_cluster_in_each_region_only()
    {
        var statement = Assert.Single(Statements, s => Strings(s.GetProperty("Action")).Contains("ecs:UpdateService"));

        Assert.Equal(
            ["arn:aws:ecs:eu-west-1:123456789012:service/infra-staging/*", "arn:aws:ecs:eu-central-1:123456789012:service/infra-staging/*"],
            Strings(statement.GetProperty("Resource")));
    }

    [Fact]
    public void Scalable_targets_are_the_stacks_regions_ecs_services_only()
    {
        var statement = Assert.Single(Statements, s => Strings(s.GetProperty("Action")).Contains("application-autoscaling:RegisterScalableTarget"));
        var condition = statement.GetProperty("Condition").GetProperty("StringEquals");

        Assert.Equal("ecs", condition.GetProperty("application-autoscaling:service-namespace").GetString());
        Assert.Equal("ecs:service:DesiredCount", condition.GetProperty("application-autoscaling:scalable-dimension").GetString());
        Assert.Equal(
            ["arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/*", "arn:aws:application-autoscaling:eu-central-1:123456789012:scalable-target/*"],
            Strings(statement.GetProperty("Resource")));
    }
}
