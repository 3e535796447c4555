using Pulumi;

namespace Infra;

/// <summary>
/// Builds the stack from the running deployment's config: used by <c>pulumi up</c> (Program.cs) and, with
/// recording transformations, by the offline plan, so both run exactly the same program.
/// </summary>
public sealed class InfraStackFactory(StackOptions? options = null) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(InfraStack) ? new InfraStack(PulumiStackSettings.Read(), options) : null;
}
