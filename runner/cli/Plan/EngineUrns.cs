using Pulumi;
using Pulumi.Utilities;

namespace Infra.Runner.Plan;

/// <summary>
/// The plan runs the program against mocks, so every URN the program saw (a resource's <c>Urn</c>, exported as a
/// stack output) is the mock monitor's: <c>pulumi:pulumi:Stack$TYPE</c>, however deep the resource. The plan shows
/// the engine's instead, with every parent's type, the URN a deployment gives and the runner targets, so a plan is
/// the same whichever SDK flavor made it.
/// </summary>
public sealed class EngineUrns
{
    private readonly ILookup<string, string> _byMockUrn;

    private EngineUrns(ILookup<string, string> byMockUrn) => _byMockUrn = byMockUrn;

    /// <summary>Reads the URN the run gave each recorded resource, next to the engine URN the recorder computed.</summary>
    public static async Task<EngineUrns> ReadAsync(IEnumerable<RecordedResource> resources)
    {
        var pairs = new List<(string Mock, string Engine)>();
        foreach (var recorded in resources)
        {
            pairs.Add((await OutputUtilities.GetValueAsync(recorded.Resource.Urn).ConfigureAwait(false), recorded.Urn));
        }
        return new EngineUrns(pairs.ToLookup(p => p.Mock, p => p.Engine, StringComparer.Ordinal));
    }

    /// <summary>The engine URN of the resource the mock URN <paramref name="text"/> names; any other text as it is.</summary>
    public string Translate(string text)
    {
        var engineUrns = _byMockUrn[text].Distinct(StringComparer.Ordinal).ToList();
        return engineUrns.Count switch
        {
            0 => text,
            1 => engineUrns[0],
            // The mock URN drops the parents' types, so two resources of one type and name under different parents share it.
            _ => throw new InvalidOperationException(
                $"the plan cannot tell which resource the URN '{text}' names: it is the test-run URN of {string.Join(" and ", engineUrns)}; give them distinct names"),
        };
    }
}
