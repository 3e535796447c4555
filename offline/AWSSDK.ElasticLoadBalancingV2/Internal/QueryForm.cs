using System.Globalization;
using ElbAction = Amazon.ElasticLoadBalancingV2.Model.Action;

namespace Amazon.ElasticLoadBalancingV2.Internal;

/// <summary>
/// One AWS Query request body: <c>Action</c>, <c>Version</c>, then the members flattened as the service model's query
/// serialization names them (a list member is <c>Name.member.N</c>, 1-based; a structure's members follow a dot).
/// Members that are null are not sent, as the real marshallers skip unset members.
/// </summary>
internal sealed class QueryForm
{
    public const string ApiVersion = "2015-12-01";

    private readonly List<KeyValuePair<string, string>> _fields = [];

    public QueryForm(string operation)
    {
        Operation = operation;
        _fields.Add(new("Action", operation));
        _fields.Add(new("Version", ApiVersion));
    }

    public string Operation { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public QueryForm Add(string name, string? value)
    {
        if (value is not null) _fields.Add(new(name, value));
        return this;
    }

    public QueryForm AddActions(string name, List<ElbAction>? actions)
    {
        for (var i = 0; i < (actions?.Count ?? 0); i++)
        {
            var prefix = $"{name}.member.{i + 1}";
            var action = actions![i];
            Add($"{prefix}.Type", action.Type?.Value);
            var groups = action.ForwardConfig?.TargetGroups;
            for (var j = 0; j < (groups?.Count ?? 0); j++)
            {
                var group = $"{prefix}.ForwardConfig.TargetGroups.member.{j + 1}";
                Add($"{group}.TargetGroupArn", groups![j].TargetGroupArn);
                Add($"{group}.Weight", groups[j].Weight?.ToString(CultureInfo.InvariantCulture));
            }
        }

        return this;
    }
}
