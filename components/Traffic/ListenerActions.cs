using Pulumi;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components.Traffic;

/// <summary>Translates checked <see cref="WeightedTargets"/> into the listener's and the listener rule's forward action.</summary>
internal static class ListenerActions
{
    private const string Forward = "forward";

    public static ListenerDefaultActionArgs DefaultForward(IReadOnlyList<WeightedTarget<Input<string>>> targets) => new()
    {
        Type = Forward,
        Forward = new ListenerDefaultActionForwardArgs
        {
            TargetGroups = targets.Select(t => new ListenerDefaultActionForwardTargetGroupArgs { Arn = t.Arn, Weight = t.Weight }).ToList(),
        },
    };

    public static ListenerRuleActionArgs RuleForward(IReadOnlyList<WeightedTarget<Input<string>>> targets) => new()
    {
        Type = Forward,
        Forward = new ListenerRuleActionForwardArgs
        {
            TargetGroups = targets.Select(t => new ListenerRuleActionForwardTargetGroupArgs { Arn = t.Arn, Weight = t.Weight }).ToList(),
        },
    };

    /// <summary>HTTP 80 → HTTPS 443, permanently, keeping host, path and query.</summary>
    public static ListenerDefaultActionArgs RedirectToHttps() => new()
    {
        Type = "redirect",
        Redirect = new ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" },
    };

    /// <summary>The route's host/path conditions and the header carrying the secret value.</summary>
    public static List<ListenerRuleConditionArgs> PreviewConditions(ServiceRoute route, string headerName, Input<string> secretValue)
    {
        var conditions = Conditions(route);
        conditions.Add(new ListenerRuleConditionArgs
        {
            HttpHeader = new ListenerRuleConditionHttpHeaderArgs { HttpHeaderName = headerName, Values = { secretValue } },
        });
        return conditions;
    }

    public static List<ListenerRuleConditionArgs> Conditions(ServiceRoute route)
    {
        var conditions = new List<ListenerRuleConditionArgs>();
        if (route.Service.Host is { } host)
            conditions.Add(new ListenerRuleConditionArgs { HostHeader = new ListenerRuleConditionHostHeaderArgs { Values = { host } } });
        if (route.Service.PathPattern is { } path)
            conditions.Add(new ListenerRuleConditionArgs { PathPattern = new ListenerRuleConditionPathPatternArgs { Values = { path } } });
        return conditions;
    }
}
