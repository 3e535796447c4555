using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

/// <summary><c>infra:database.restoreTest</c> is for restore drills, which create and delete their instance themselves.</summary>
public sealed class RestoreTestTests
{
    [Theory]
    [InlineData("restoreTest: {pointInTime: latest}")]
    [InlineData("restoreTest: {pointInTime: \"2026-11-20T09:30:00+01:00\"}")]
    public async Task A_restore_test_declares_no_instance_only_the_primary_and_its_replica(string restoreTest)
    {
        var plan = await PlanAsync(Production(database: [restoreTest]));

        Assert.Equal(["db-dr-replica", "db-primary"], plan.OfType(Instance).Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
    }
}
