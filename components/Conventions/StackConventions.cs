using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Conventions;

/// <summary>The naming and tagging rules of stacks/, bound to the running project, for every component.</summary>
public static class StackConventions
{
    public static Naming Naming(StackSettings settings) => new(Deployment.Instance.ProjectName, settings.StackName);

    /// <summary>The stack's default tags plus <c>Name</c>, which the AWS console shows as the resource's label.</summary>
    public static InputMap<string> Tags(StackSettings settings, string name)
    {
        var tags = new InputMap<string>();
        foreach (var (key, value) in Infra.Stacks.Conventions.Tags.Default(Deployment.Instance.ProjectName, settings)) tags.Add(key, value);
        tags.Add("Name", name);
        return tags;
    }
}
