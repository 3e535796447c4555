using Infra.Components.Conventions;
using Infra.Components.Iam;
using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ec2;

namespace Infra.Components.Network;

/// <summary>Flow logs of the whole VPC (accepted and rejected traffic) into a CloudWatch log group of their own.</summary>
internal static class VpcFlowLogs
{
    /// <summary>Long enough to investigate an incident after the fact; flow logs are bulky, so not forever.</summary>
    public const int RetentionDays = 90;

    public static void Declare(Resource parent, string name, StackSettings settings, Output<string> vpcId, Input<string>? logsKmsKeyArn)
    {
        var options = new CustomResourceOptions { Parent = parent };
        var naming = StackConventions.Naming(settings);
        var logGroup = new LogGroup($"{name}-flow-logs", new LogGroupArgs
        {
            Name = $"/vpc/{naming.Prefix}/{name}/flow-logs",
            RetentionInDays = RetentionDays,
            KmsKeyId = logsKmsKeyArn,
            Tags = StackConventions.Tags(settings, $"{name}-flow-logs"),
        }, options);
        var roleArn = ServiceRole.Declare(parent, $"{name}-flow-logs-role", $"{name}-flow-logs-policy", "vpc-flow-logs.amazonaws.com", null,
            logGroup.Arn.Apply(arn => FlowLogsPolicy.For(arn).ToJson()), settings, $"{name}-flow-logs-role");
        _ = new FlowLog($"{name}-flow-log", new FlowLogArgs
        {
            VpcId = vpcId,
            TrafficType = "ALL",
            LogDestinationType = "cloud-watch-logs",
            LogDestination = logGroup.Arn,
            IamRoleArn = roleArn,
            Tags = StackConventions.Tags(settings, $"{name}-flow-log"),
        }, options);
    }
}
