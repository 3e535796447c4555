using System.Globalization;
using System.Net;
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

    /// <summary>Sends the request; an answer without its <c>&lt;ActionResult&gt;</c> element is an error.</summary>
    public static async Task CallAsync(Uri endpoint, string action, IEnumerable<(string Name, string? Value)> members, CancellationToken cancellationToken)
    {
        var (answer, result) = await Protocol.CallAsync(endpoint, action, members, cancellationToken);
        if (result is null)
            throw new AmazonElasticLoadBalancingV2Exception(
                $"Elastic Load Balancing {action} answered HTTP 200 without a {action}Result element", null!, ErrorType.Unknown, "",
                answer.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? "", HttpStatusCode.OK);
    }

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
