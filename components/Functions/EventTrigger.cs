using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Lambda;

namespace Infra.Components.Functions;

/// <summary>
/// An EventBridge rule (an event pattern or a schedule) that invokes a function: the rule <c>&lt;name&gt;-&lt;suffix&gt;</c>,
/// the permission for exactly that rule to invoke it, and the target.
/// </summary>
public static class EventTrigger
{
    public static void Declare(ComponentResource parent, string name, string suffix, string ruleName, Function function, string targetId,
        EventRuleArgs ruleArgs, StackSettings settings)
    {
        ruleArgs.Name = ruleName;
        ruleArgs.Tags = StackConventions.Tags(settings, ruleName);
        var rule = new EventRule($"{name}-{suffix}", ruleArgs, new CustomResourceOptions { Parent = parent });
        var invoke = new Permission($"{name}-invoke-{suffix}", new PermissionArgs
        {
            Action = "lambda:InvokeFunction",
            Function = function.Name,
            Principal = "events.amazonaws.com",
            SourceArn = rule.Arn,
        }, new CustomResourceOptions { Parent = parent });
        new EventTarget($"{name}-{suffix}-target", new EventTargetArgs
        {
            Rule = rule.Name,
            Arn = function.Arn,
            TargetId = targetId,
        }, new CustomResourceOptions { Parent = parent, DependsOn = { invoke } });
    }
}
