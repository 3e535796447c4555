using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Observability;

/// <summary>The naming and tagging rules of stacks/, bound to the running project, for the observability components.</summary>
internal static class StackConventions
{
    public static Naming Naming(StackSettings settings) => new(Deployment.Instance.ProjectName, settings.StackName);

    /// <summary>The default tags plus <c>Name</c>.</summary>
    public static InputMap<string> Tags(StackSettings settings, string name)
    {
        var tags = new InputMap<string>();
        foreach (var (key, value) in Infra.Stacks.Conventions.Tags.Default(Deployment.Instance.ProjectName, settings)) tags.Add(key, value);
        tags.Add("Name", name);
        return tags;
    }
}
