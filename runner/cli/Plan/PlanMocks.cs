using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Runner.Plan;

/// <summary>
/// Answers registrations the way a provider would, except that every value only the cloud can compute is the
/// token <c>${TYPE::NAME.OUTPUT}</c>, so the plan shows which resource feeds which input.
/// </summary>
public sealed class PlanMocks(PlanRecorder recorder) : IMocks
{
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var state = args.Inputs.ToBuilder();
        foreach (var output in ComputedStringOutputs(args.Type!, args.Name!))
        {
            if (!state.ContainsKey(output)) state[output] = Token(args.Type!, args.Name!, output);
        }
        return Task.FromResult<(string?, object)>((Token(args.Type!, args.Name!, "id"), state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) =>
        throw new NotSupportedException($"the plan does not answer provider functions; '{args.Token}' was called");

    public static string Token(string type, string name, string output) => $"${{{type}::{name}.{output}}}";

    private IEnumerable<string> ComputedStringOutputs(string type, string name)
    {
        var resource = recorder.Resources.FirstOrDefault(r => r.Type == type && r.Name == name)?.Resource;
        if (resource is null) return [];
        return resource.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(Output<string>))
            .Select(p => p.GetCustomAttribute<OutputAttribute>()?.Name)
            .OfType<string>()
            .Where(n => n is not "urn" and not "id");
    }
}
