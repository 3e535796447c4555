namespace Infra.Components.Iam;

/// <summary>What the VPC flow logs service needs: write streams of the one log group it delivers to.</summary>
public static class FlowLogsPolicy
{
    public static PolicyDocument For(string logGroupArn) => new(
    [
        new PolicyStatement("WriteFlowLogs",
            ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], [$"{logGroupArn}:*"]),
    ]);
}
