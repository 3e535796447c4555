using System.Collections.Immutable;
using System.Reflection;
using Pulumi.Testing;

namespace Pulumi.Engine
{
    /// <summary>
    /// The providers of a program run by <see cref="Deployment.RunAsync(System.Action)"/> offline: every resource gets
    /// its name as ID and its inputs as state, and every string output only the cloud computes (an ARN, a DNS name)
    /// gets the token <c>${TYPE::NAME.OUTPUT}</c>. Without the tokens an update (PULUMI_DRY_RUN=false) would hand the
    /// program null where a deployed stack has a value, and its Applys would fail where the real update succeeds.
    /// </summary>
    internal sealed class EchoMocks : IMocks
    {
        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            var type = args.Type ?? "";
            var name = args.Name ?? "";
            var state = args.Inputs.ToBuilder();
            foreach (var output in ComputedStrings(type, name).Where(o => !state.ContainsKey(o)))
            {
                state[output] = $"${{{type}::{name}.{output}}}";
            }
            return Task.FromResult<(string?, object)>(($"{name}-id", state.ToImmutable()));
        }

        public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);

        /// <summary>The [Output] string properties of the registered resource with this type and name.</summary>
        private static IEnumerable<string> ComputedStrings(string type, string name)
        {
            var resource = Deployment.CurrentRun.Resources.FirstOrDefault(r => r.GetResourceType() == type && r.GetResourceName() == name);
            if (resource is null) return ImmutableArray<string>.Empty;
            return resource.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(Output<string>))
                .Select(p => p.GetCustomAttribute<OutputAttribute>()?.Name)
                .OfType<string>()
                .Where(o => o is not "urn" and not "id");
        }
    }
}
