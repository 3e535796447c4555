namespace Pulumi
{
    /// <summary>Options every resource takes: parent, provider, protection, lifecycle.</summary>
    public class ResourceOptions
    {
        private List<string>? _ignoreChanges;
        private InputList<Resource>? _dependsOn;
        private List<Input<Alias>>? _aliases;
        private List<ResourceTransformation>? _resourceTransformations;
        private List<string>? _replaceOnChanges;

        public Input<string>? Id { get; set; }
        public Resource? Parent { get; set; }
        public InputList<Resource> DependsOn
        {
            get => _dependsOn ??= new InputList<Resource>();
            set => _dependsOn = value;
        }
        public bool? Protect { get; set; }
        public List<string> IgnoreChanges
        {
            get => _ignoreChanges ??= new List<string>();
            set => _ignoreChanges = value;
        }
        public ProviderResource? Provider { get; set; }
        public string? Version { get; set; }
        public string? PluginDownloadURL { get; set; }
        public CustomTimeouts? CustomTimeouts { get; set; }
        public List<ResourceTransformation> ResourceTransformations
        {
            get => _resourceTransformations ??= new List<ResourceTransformation>();
            set => _resourceTransformations = value;
        }
        public List<Input<Alias>> Aliases
        {
            get => _aliases ??= new List<Input<Alias>>();
            set => _aliases = value;
        }
        public string? Urn { get; set; }
        public bool? RetainOnDelete { get; set; }
        public Resource? DeletedWith { get; set; }
        public List<string> ReplaceOnChanges
        {
            get => _replaceOnChanges ??= new List<string>();
            set => _replaceOnChanges = value;
        }

        internal bool HasDependsOn => _dependsOn is not null;

        /// <summary>Copies the options shared by every kind of resource into a fresh instance.</summary>
        internal T CopyTo<T>(T target) where T : ResourceOptions
        {
            target.Id = Id;
            target.Parent = Parent;
            target._dependsOn = _dependsOn;
            target.Protect = Protect;
            target._ignoreChanges = _ignoreChanges is null ? null : new List<string>(_ignoreChanges);
            target.Provider = Provider;
            target.Version = Version;
            target.PluginDownloadURL = PluginDownloadURL;
            target.CustomTimeouts = CustomTimeouts;
            target._resourceTransformations = _resourceTransformations is null ? null : new List<ResourceTransformation>(_resourceTransformations);
            target._aliases = _aliases is null ? null : new List<Input<Alias>>(_aliases);
            target.Urn = Urn;
            target.RetainOnDelete = RetainOnDelete;
            target.DeletedWith = DeletedWith;
            target._replaceOnChanges = _replaceOnChanges is null ? null : new List<string>(_replaceOnChanges);
            return target;
        }

        /// <summary>Merges <paramref name="source"/> over this: scalars replace, lists append.</summary>
        internal void MergeFrom(ResourceOptions source)
        {
            Id = source.Id ?? Id;
            Parent = source.Parent ?? Parent;
            Protect = source.Protect ?? Protect;
            Provider = source.Provider ?? Provider;
            Version = source.Version ?? Version;
            PluginDownloadURL = source.PluginDownloadURL ?? PluginDownloadURL;
            CustomTimeouts = source.CustomTimeouts ?? CustomTimeouts;
            Urn = source.Urn ?? Urn;
            RetainOnDelete = source.RetainOnDelete ?? RetainOnDelete;
            DeletedWith = source.DeletedWith ?? DeletedWith;
            if (source._dependsOn is not null) DependsOn = DependsOn.Concat(source._dependsOn);
            if (source._ignoreChanges is not null) IgnoreChanges.AddRange(source._ignoreChanges);
            if (source._resourceTransformations is not null) ResourceTransformations.AddRange(source._resourceTransformations);
            if (source._aliases is not null) Aliases.AddRange(source._aliases);
            if (source._replaceOnChanges is not null) ReplaceOnChanges.AddRange(source._replaceOnChanges);
        }
    }

    /// <summary>Options for a resource a provider manages.</summary>
    public sealed class CustomResourceOptions : ResourceOptions
    {
        private List<string>? _additionalSecretOutputs;

        public bool? DeleteBeforeReplace { get; set; }
        public List<string> AdditionalSecretOutputs
        {
            get => _additionalSecretOutputs ??= new List<string>();
            set => _additionalSecretOutputs = value;
        }
        public string? ImportId { get; set; }

        public static CustomResourceOptions Merge(CustomResourceOptions? options1, CustomResourceOptions? options2)
        {
            var merged = (options1 ?? new CustomResourceOptions()).Clone();
            if (options2 is null) return merged;
            merged.MergeFrom(options2);
            merged.DeleteBeforeReplace = options2.DeleteBeforeReplace ?? merged.DeleteBeforeReplace;
            merged.ImportId = options2.ImportId ?? merged.ImportId;
            if (options2._additionalSecretOutputs is not null) merged.AdditionalSecretOutputs.AddRange(options2._additionalSecretOutputs);
            return merged;
        }

        internal CustomResourceOptions Clone()
        {
            var clone = CopyTo(new CustomResourceOptions());
            clone.DeleteBeforeReplace = DeleteBeforeReplace;
            clone.ImportId = ImportId;
            clone._additionalSecretOutputs = _additionalSecretOutputs is null ? null : new List<string>(_additionalSecretOutputs);
            return clone;
        }
    }

    /// <summary>Options for a component: it may carry providers its children inherit.</summary>
    public sealed class ComponentResourceOptions : ResourceOptions
    {
        private List<ProviderResource>? _providers;

        public List<ProviderResource> Providers
        {
            get => _providers ??= new List<ProviderResource>();
            set => _providers = value;
        }

        public static ComponentResourceOptions Merge(ComponentResourceOptions? options1, ComponentResourceOptions? options2)
        {
            var merged = (options1 ?? new ComponentResourceOptions()).Clone();
            if (options2 is null) return merged;
            merged.MergeFrom(options2);
            if (options2._providers is not null) merged.Providers.AddRange(options2._providers);
            return merged;
        }

        internal ComponentResourceOptions Clone()
        {
            var clone = CopyTo(new ComponentResourceOptions());
            clone._providers = _providers is null ? null : new List<ProviderResource>(_providers);
            return clone;
        }
    }

    /// <summary>Per-operation time limits.</summary>
    public sealed class CustomTimeouts
    {
        public TimeSpan? Create { get; set; }
        public TimeSpan? Update { get; set; }
        public TimeSpan? Delete { get; set; }
    }

    /// <summary>A former identity of a resource, so a rename or re-parent is not a replacement.</summary>
    public sealed class Alias
    {
        public string? Urn { get; set; }
        public Input<string>? Name { get; set; }
        public Input<string>? Type { get; set; }
        public Resource? Parent { get; set; }
        public Input<string>? ParentUrn { get; set; }
        public Input<string>? Stack { get; set; }
        public Input<string>? Project { get; set; }
        public bool NoParent { get; set; }
    }

    public delegate ResourceTransformationResult? ResourceTransformation(ResourceTransformationArgs args);

    public readonly struct ResourceTransformationArgs
    {
        public Resource Resource { get; }
        public ResourceArgs Args { get; }
        public ResourceOptions Options { get; }

        public ResourceTransformationArgs(Resource resource, ResourceArgs args, ResourceOptions options)
        {
            Resource = resource;
            Args = args;
            Options = options;
        }
    }

    public readonly struct ResourceTransformationResult
    {
        public ResourceArgs Args { get; }
        public ResourceOptions Options { get; }

        public ResourceTransformationResult(ResourceArgs args, ResourceOptions options)
        {
            Args = args;
            Options = options;
        }
    }

    /// <summary>Options for the stack: transformations here apply to every resource in it.</summary>
    public sealed class StackOptions
    {
        private List<ResourceTransformation>? _resourceTransformations;

        public List<ResourceTransformation> ResourceTransformations
        {
            get => _resourceTransformations ??= new List<ResourceTransformation>();
            set => _resourceTransformations = value;
        }
    }
}
