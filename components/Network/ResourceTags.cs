using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Network;

/// <summary>The stack's default tags plus a <c>Name</c>, which the AWS console shows as the resource's label.</summary>
public static class ResourceTags
{
    public const string Project = "infra";

    public static InputMap<string> Named(StackSettings settings, string name)
    {
        var tags = new InputMap<string>();
        foreach (var (key, value) in Tags.Default(Project, settings)) tags.Add(key, value);
        tags.Add("Name", name);
        return tags;
    }
}
