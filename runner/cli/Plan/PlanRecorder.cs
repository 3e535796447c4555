using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi;

namespace Infra.Runner.Plan;

/// <summary>
/// A stack transformation that records every resource with its args and effective options. It uses only the
/// public Pulumi API, so the plan is the same with the real SDK and the offline one.
/// </summary>
public sealed class PlanRecorder(string project, string stack)
{
    private readonly ConcurrentDictionary<Resource, RecordedResource> _byResource = new();
    private readonly ConcurrentQueue<RecordedResource> _inOrder = new();
    private RecordedResource? _stack;

    public IReadOnlyCollection<RecordedResource> Resources => _inOrder;

    public RecordedResource? Find(Resource resource) => _byResource.GetValueOrDefault(resource);

    public StackOptions StackOptions => new() { ResourceTransformations = { Record } };

    private ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        var resource = args.Resource;
        var options = args.Options;
        var isStack = resource is Stack;
        // Without an explicit parent a resource belongs to the stack, but inherits nothing from it.
        var explicitParent = options.Parent is { } p ? Find(p) : null;
        var parent = isStack ? null : explicitParent ?? _stack;
        var providers = explicitParent?.Providers ?? ImmutableDictionary<string, ProviderResource>.Empty;
        ProviderResource? provider = null;
        if (resource is CustomResource)
        {
            provider = options.Provider ?? providers.GetValueOrDefault(PackageOf(resource.GetResourceType()));
            if (options.Provider is { } explicitProvider) providers = providers.SetItem(PackageOf(resource.GetResourceType()), explicitProvider);
        }
        else
        {
            var given = options.Provider is { } single ? new[] { single } : (options as ComponentResourceOptions)?.Providers.ToArray() ?? [];
            foreach (var each in given) providers = providers.SetItem(ProviderPackage(each), each);
        }
        var protect = options.Protect ?? explicitParent?.Protect ?? false;
        var recorded = new RecordedResource(resource, args.Args, options, parent, "", protect, providers, provider);
        recorded = recorded with { Urn = $"urn:pulumi:{stack}::{project}::{recorded.QualifiedType}::{resource.GetResourceName()}" };
        _byResource[resource] = recorded;
        _inOrder.Enqueue(recorded);
        if (isStack) _stack = recorded;
        return null;
    }

    private static string PackageOf(string typeToken) => typeToken.Split(':')[0];

    // A provider's own token is pulumi:providers:<package>.
    private static string ProviderPackage(ProviderResource provider) => provider.GetResourceType().Split(':')[2];
}
