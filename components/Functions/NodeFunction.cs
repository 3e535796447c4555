using Infra.Components.Conventions;
using Infra.Components.Iam;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;

namespace Infra.Components.Functions;

/// <summary>What <see cref="NodeFunction.Declare"/> needs for one of the stack's Lambda functions.</summary>
public sealed class NodeFunctionArgs
{
    public required StackSettings Settings { get; init; }

    /// <summary>The function's physical name; its log group is <c>/aws/lambda/&lt;name&gt;</c>.</summary>
    public required string FunctionName { get; init; }

    public required string Description { get; init; }

    /// <summary>What the role may do, in a sentence, shown in IAM.</summary>
    public required string RoleDescription { get; init; }

    public required LambdaSource Source { get; init; }

    /// <summary>The entry point, <c>&lt;file&gt;.&lt;export&gt;</c>. Default: <see cref="NodeFunction.Handler"/>.</summary>
    public string Handler { get; init; } = NodeFunction.Handler;

    /// <summary>The role's whole inline policy (JSON), given the function's own log group ARN, the one it may write.</summary>
    public required Func<Output<string>, Output<string>> Policy { get; init; }

    public required int TimeoutSeconds { get; init; }

    /// <summary>Default: 128 MB, Lambda's smallest.</summary>
    public int MemorySizeMb { get; init; } = 128;

    /// <summary>How long the function's logs are kept. Default: 30 days.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>
    /// The customer managed key the log group is encrypted with (<c>LogsKey.Arn</c>). Default: none, CloudWatch Logs'
    /// own key.
    /// </summary>
    public Input<string>? LogsKmsKeyArn { get; init; }

    /// <summary>The function's environment variables. Default: none.</summary>
    public InputMap<string> Environment { get; init; } = new();

    /// <summary>Where a failed asynchronous invocation goes once Lambda's retries are spent. Default: nowhere.</summary>
    public FunctionDeadLetterConfigArgs? DeadLetterConfig { get; init; }
}

/// <summary>
/// A Node.js 22 Lambda (handler <c>index.handler</c> unless told) of one of the stack's source folders, as a component's children
/// <c>&lt;name&gt;-logs</c>, <c>-role</c>, <c>-permissions</c> and <c>-function</c>: its own log group, created before it
/// (so the role needs no logs:CreateLogGroup), and a role with only the inline policy the component builds.
/// </summary>
public static class NodeFunction
{
    public const string Handler = "index.handler";

    public static Function Declare(ComponentResource parent, string name, NodeFunctionArgs args)
    {
        var settings = args.Settings;
        var child = new CustomResourceOptions { Parent = parent };
        var logGroupName = $"/aws/lambda/{args.FunctionName}";
        var logGroup = new LogGroup($"{name}-logs", new LogGroupArgs
        {
            Name = logGroupName,
            RetentionInDays = args.LogRetentionDays,
            KmsKeyId = args.LogsKmsKeyArn,
            Tags = StackConventions.Tags(settings, logGroupName),
        }, child);

        var roleArn = ServiceRole.Declare(parent, $"{name}-role", $"{name}-permissions", "lambda.amazonaws.com", args.RoleDescription,
            args.Policy(logGroup.Arn), settings, args.FunctionName);

        var source = args.Source.Find();
        var functionArgs = new FunctionArgs
        {
            Name = args.FunctionName,
            Description = args.Description,
            Runtime = Runtime.NodeJS22dX,
            Handler = args.Handler,
            Code = new FileArchive(source),
            SourceCodeHash = LambdaSource.Hash(source),
            // Known once the policy is attached: the function never runs with an empty role.
            Role = roleArn,
            Timeout = args.TimeoutSeconds,
            MemorySize = args.MemorySizeMb,
            Environment = new FunctionEnvironmentArgs { Variables = args.Environment },
            Tags = StackConventions.Tags(settings, args.FunctionName),
        };
        if (args.DeadLetterConfig is { } deadLetters) functionArgs.DeadLetterConfig = deadLetters;
        return new Function($"{name}-function", functionArgs, new CustomResourceOptions { Parent = parent, DependsOn = { logGroup } });
    }
}
