using System.Collections.Immutable;

namespace Pulumi.Aws.Iam.Inputs
{
    /// <summary>A service principal, e.g. ecs-tasks.amazonaws.com.</summary>
    public sealed class ServicePrincipalArgs : global::Pulumi.ResourceArgs
    {
        [Input("Service", required: true)]
        public InputUnion<string, ImmutableArray<string>> Service { get; set; } = null!;
    }
}
