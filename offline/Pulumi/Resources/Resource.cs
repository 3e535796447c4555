using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>A resource: a node of the deployment's tree, registered with the engine on construction.</summary>
    public class Resource
    {
        private readonly string _type;
        private readonly string _name;

        internal readonly ImmutableArray<ResourceTransformation> _transformations;
        internal readonly ImmutableDictionary<string, ProviderResource> _providers;
        internal readonly bool _protect;

        /// <summary>The engine's identity of this resource.</summary>
        [Output("urn")]
        public Output<string> Urn { get; private set; } = null!;

        internal ResourceOptions Options { get; }
        internal Resource? ParentResource { get; }
        /// <summary>The URN the engine gives: every parent's type but the stack's in the chain.</summary>
        internal string UrnValue { get; }

        /// <summary>The URN the real SDK's mock monitor gives in a test run: only the root's type before this one.</summary>
        internal string MockUrnValue { get; }

        private protected Resource(string type, string name, bool custom, ResourceArgs args, ResourceOptions options, bool remote = false, bool dependency = false)
        {
            if (string.IsNullOrEmpty(type))
                throw new ArgumentException("'type' cannot be null or empty.", nameof(type));
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException("'name' cannot be null or empty.", nameof(name));

            var run = Deployment.CurrentRun;
            var isStack = type == Stack.RootTypeName;
            _type = type;
            _name = name;

            // Transformations see the options as written; the stack's reach every resource below it.
            var parentForTransformations = isStack ? null : options.Parent ?? run.Stack;
            _transformations = options.ResourceTransformations
                .Concat(parentForTransformations?._transformations ?? ImmutableArray<ResourceTransformation>.Empty)
                .ToImmutableArray();
            foreach (var transformation in _transformations)
            {
                var result = transformation(new ResourceTransformationArgs(this, args, options));
                if (result is null) continue;
                if (result.Value.Options.Parent != options.Parent)
                    throw new ArgumentException("Transformations cannot currently be used to change the 'parent' of a resource.");
                args = result.Value.Args;
                options = result.Value.Options;
            }

            options = options switch
            {
                CustomResourceOptions c => c.Clone(),
                ComponentResourceOptions c => c.Clone(),
                _ => options.CopyTo(new ResourceOptions()),
            };
            var componentOptions = options as ComponentResourceOptions;
            if (options.Provider is not null && componentOptions?.Providers.Count > 0)
                throw new ResourceException("Do not supply both 'provider' and 'providers' options to a ComponentResource.", options.Parent);

            _providers = ImmutableDictionary<string, ProviderResource>.Empty;
            if (options.Parent is not null)
            {
                options.Protect ??= options.Parent._protect;
                _providers = options.Parent._providers;
            }
            if (custom)
            {
                if (options.Provider is null)
                    options.Provider = options.Parent?.GetProvider(type);
                else if (type.Split(':') is { Length: 3 } parts)
                    _providers = _providers.SetItem(parts[0], options.Provider);
            }
            else
            {
                var providers = options.Provider is not null ? new List<ProviderResource> { options.Provider } : componentOptions?.Providers;
                foreach (var provider in providers ?? new List<ProviderResource>())
                    _providers = _providers.SetItem(provider.Package, provider);
            }
            _protect = options.Protect == true;

            Options = options;
            ParentResource = isStack ? null : options.Parent ?? run.Stack;
            UrnValue = $"urn:pulumi:{run.StackName}::{run.ProjectName}::{QualifiedType}::{name}";
            MockUrnValue = $"urn:pulumi:{run.StackName}::{run.ProjectName}::{MockQualifiedType}::{name}";
            run.Register(this, custom, args, remote);
        }

        public string GetResourceType() => _type;

        public string GetResourceName() => _name;

        internal ProviderResource? GetProvider(string token) =>
            token.Split(':') is { Length: 3 } parts && _providers.TryGetValue(parts[0], out var provider) ? provider : null;

        /// <summary>The URN's type part: the parents' types (not the stack's) joined with '$', then this type.</summary>
        internal string QualifiedType =>
            ParentResource is null || ParentResource is Stack ? _type : ParentResource.QualifiedType + "$" + _type;

        /// <summary>The mock monitor's type part: the first '$'-segment of the parent's, '$', this type.</summary>
        private string MockQualifiedType =>
            ParentResource is null ? _type : ParentResource.MockQualifiedType.Split('$')[0] + "$" + _type;
    }

    /// <summary>A resource a provider manages: has an ID once created.</summary>
    public class CustomResource : Resource
    {
        [Output("id")]
        public Output<string> Id { get; private set; } = null!;

        public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
            : this(type, name, args, options, dependency: false)
        {
        }

        private protected CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options, bool dependency)
            : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions(), dependency: dependency)
        {
        }
    }

    /// <summary>A provider instance: resources that name it are managed by it (e.g. an AWS region).</summary>
    public class ProviderResource : CustomResource
    {
        internal string Package { get; }

        public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions? options = null)
            : base($"pulumi:providers:{package}", name, args, options)
        {
            Package = package;
        }
    }

    /// <summary>A logical grouping of resources; registers its children and outputs.</summary>
    public class ComponentResource : Resource
    {
        public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
            : this(type, name, ResourceArgs.Empty, options)
        {
        }

        public ComponentResource(string type, string name, ResourceArgs? args, ComponentResourceOptions? options = null, bool remote = false)
            : base(type, name, custom: false, args ?? ResourceArgs.Empty, options ?? new ComponentResourceOptions(), remote)
        {
        }

        protected void RegisterOutputs() => RegisterOutputs(new Dictionary<string, object?>());

        protected void RegisterOutputs(IDictionary<string, object?> outputs) =>
            RegisterOutputs(Task.FromResult(outputs));

        protected void RegisterOutputs(Task<IDictionary<string, object?>> outputs) =>
            RegisterOutputs(Output.Create(outputs));

        protected void RegisterOutputs(Output<IDictionary<string, object?>> outputs) =>
            Deployment.CurrentRun.RegisterOutputs(this, outputs);
    }

    /// <summary>An error attributed to a resource; the engine names the resource when it reports it.</summary>
    public class ResourceException : Exception
    {
        internal Resource? Resource { get; }

        public ResourceException(string message, Resource? resource, bool hideStack = false) : base(message)
        {
            Resource = resource;
            HideStack = hideStack;
        }

        internal bool HideStack { get; }
    }
}
