using System.Collections.Immutable;
using Pulumi;

namespace Infra.Runner.Plan;

/// <summary>A resource as its constructor declared it: the args and options it was given, before the engine saw it.</summary>
/// <param name="Providers">The providers children inherit, by package (e.g. <c>aws</c>).</param>
/// <param name="Provider">The provider that manages this resource; null for the package's default provider.</param>
public sealed record RecordedResource(
    Resource Resource,
    ResourceArgs Args,
    ResourceOptions Options,
    RecordedResource? Parent,
    string Urn,
    bool Protect,
    ImmutableDictionary<string, ProviderResource> Providers,
    ProviderResource? Provider)
{
    public string Type => Resource.GetResourceType();
    public string Name => Resource.GetResourceName();
    public bool IsCustom => Resource is CustomResource;

    /// <summary>The URN's type part: parents' types (the stack's excepted) joined with '$', then this type.</summary>
    public string QualifiedType => Parent is null || Parent.Resource is Stack ? Type : $"{Parent.QualifiedType}${Type}";
}
