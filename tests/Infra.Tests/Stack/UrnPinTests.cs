using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>
/// Pins the resource names of the production stack file: a renamed resource is a replaced resource (a database or
/// a load balancer lost), so any change to this list must be a conscious edit of the expected file.
/// </summary>
public sealed class UrnPinTests
{
    private static string ExpectedFile => Path.Combine(RepoPaths.Root, "tests", "Infra.Tests", "Stack", "Expected", "production.urns.txt");

    [Fact]
    public async Task The_production_stack_declares_exactly_the_pinned_urns()
    {
        var plan = await ComponentPlan.OfStackFileAsync(RepoPaths.StackFile("production"));

        var expected = (await File.ReadAllLinesAsync(ExpectedFile)).Where(l => l.Length > 0).ToList();
        var actual = plan.Urns.Order(StringComparer.Ordinal).ToList();
        var missing = expected.Except(actual).ToList();
        var added = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && added.Count == 0,
            $"the production URNs changed; if intended, update {ExpectedFile}.\nno longer declared:\n  {string.Join("\n  ", missing)}\nnewly declared:\n  {string.Join("\n  ", added)}");
        Assert.Equal(expected, actual);
    }
}
