using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Amazon.ElasticLoadBalancingV2.Model;
using Amazon.Offline;
using Amazon.Runtime;
using ElbAction = Amazon.ElasticLoadBalancingV2.Model.Action;

namespace Amazon.ElasticLoadBalancingV2.Internal;

/// <summary>
/// AWS Query as elasticloadbalancingv2-2015-12-01 defines it (see <see cref="AwsQuery"/>): a list member is
/// <c>Name.member.N</c>, 1-based, and a structure's members follow a dot. An error keeps the <c>Type</c> the service
/// names; it never echoes the request, so a caller may log its message.
/// </summary>
internal static class QueryWire
{
    public const string Version = "2015-12-01";

    private static readonly AwsQuery Protocol = new(Version, new AwsXml("Elastic Load Balancing", (code, message, type, requestId, status) =>
        code switch
        {
            "ListenerNotFound" => new ListenerNotFoundException(message, null!, type, code, requestId, status),
            "RuleNotFound" => new RuleNotFoundException(message, null!, type, code, requestId, status),
            _ => new AmazonElasticLoadBalancingV2Exception(message, null!, type, code, requestId, status),
        }));

    /// <summary>Sends the request and returns its <c>&lt;ActionResult&gt;</c> element; an answer without one is an error.</summary>
    public static async Task<XElement> CallAsync(Uri endpoint, string action, IEnumerable<(string Name, string? Value)> members, CancellationToken cancellationToken)
    {
        var (answer, result) = await Protocol.CallAsync(endpoint, action, members, cancellationToken);
        if (result is null)
            throw new AmazonElasticLoadBalancingV2Exception(
                $"Elastic Load Balancing {action} answered HTTP 200 without a {action}Result element", null!, ErrorType.Unknown, "",
                answer.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? "", HttpStatusCode.OK);
        return result;
    }

    /// <summary>A list member as <c>Name.member.N</c>.</summary>
    public static IEnumerable<(string Name, string? Value)> List(string name, List<string>? values) =>
        (values ?? []).Select((value, i) => ($"{name}.member.{i + 1}", (string?)value));

    /// <summary>The <c>member</c> elements of the list element <paramref name="name"/>; null when the answer has no such list, as v4 leaves it.</summary>
    public static List<T>? Members<T>(XElement? parent, string name, Func<XElement, T> read) =>
        AwsXml.Element(parent, name)?.Elements().Where(e => e.Name.LocalName == "member").Select(read).ToList();

    /// <summary>An action as DescribeListeners and DescribeRules answer it: its type and its forward config's weighted target groups.</summary>
    public static ElbAction ReadAction(XElement action) => new()
    {
        Type = AwsXml.Child(action, "Type") is { } type ? ActionTypeEnum.FindValue(type) : null,
        ForwardConfig = AwsXml.Element(action, "ForwardConfig") is { } forward
            ? new ForwardActionConfig
            {
                TargetGroups = Members(forward, "TargetGroups", group => new TargetGroupTuple
                {
                    TargetGroupArn = AwsXml.Child(group, "TargetGroupArn"),
                    Weight = AwsXml.Child(group, "Weight") is { } weight ? int.Parse(weight, CultureInfo.InvariantCulture) : null,
                }),
            }
            : null,
    };

    /// <summary>The actions as <c>Name.member.N.Type</c> and their forward config's weighted target groups.</summary>
    public static IEnumerable<(string Name, string? Value)> Actions(string name, List<ElbAction>? actions) =>
        (actions ?? []).SelectMany((action, i) => Action($"{name}.member.{i + 1}", action));

    private static IEnumerable<(string Name, string? Value)> Action(string prefix, ElbAction action)
    {
        yield return ($"{prefix}.Type", action.Type?.Value);
        var groups = action.ForwardConfig?.TargetGroups ?? [];
        for (var j = 0; j < groups.Count; j++)
        {
            var group = $"{prefix}.ForwardConfig.TargetGroups.member.{j + 1}";
            yield return ($"{group}.TargetGroupArn", groups[j].TargetGroupArn);
            yield return ($"{group}.Weight", groups[j].Weight?.ToString(CultureInfo.InvariantCulture));
        }
    }
}
