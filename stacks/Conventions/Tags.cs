using Infra.Stacks.Settings;

namespace Infra.Stacks.Conventions;

/// <summary>The tags every taggable resource carries, so cost and ownership reports can group by stack.</summary>
public static class Tags
{
    public const string ManagedByValue = "pulumi";

    public static IReadOnlyDictionary<string, string> Default(string project, string stack, StackEnvironment environment) =>
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project"] = project,
            ["Stack"] = stack,
            ["Environment"] = environment.ToConfigName(),
            ["ManagedBy"] = ManagedByValue,
        };

    public static IReadOnlyDictionary<string, string> Default(string project, StackSettings settings) =>
        Default(project, settings.StackName, settings.Environment);
}
