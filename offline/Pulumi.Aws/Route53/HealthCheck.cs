using System.Collections.Immutable;

namespace Pulumi.Aws.Route53
{
    /// <summary>A Route 53 health check, e.g. of a region's public endpoint for DNS failover.</summary>
    [AwsResourceType("aws:route53/healthCheck:HealthCheck")]
    public partial class HealthCheck : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public HealthCheck(string name, HealthCheckArgs args, CustomResourceOptions? options = null)
            : base("aws:route53/healthCheck:HealthCheck", name, args ?? new HealthCheckArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class HealthCheckArgs : global::Pulumi.ResourceArgs
    {
        [Input("childHealthThreshold")]
        public Input<int>? ChildHealthThreshold { get; set; }

        [Input("childHealthchecks")]
        private InputList<string>? _childHealthchecks;

        public InputList<string> ChildHealthchecks
        {
            get => _childHealthchecks ?? (_childHealthchecks = new InputList<string>());
            set => _childHealthchecks = value;
        }

        [Input("failureThreshold")]
        public Input<int>? FailureThreshold { get; set; }

        [Input("fqdn")]
        public Input<string>? Fqdn { get; set; }

        [Input("invertHealthcheck")]
        public Input<bool>? InvertHealthcheck { get; set; }

        [Input("port")]
        public Input<int>? Port { get; set; }

        [Input("requestInterval")]
        public Input<int>? RequestInterval { get; set; }

        [Input("resourcePath")]
        public Input<string>? ResourcePath { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("type", required: true)]
        public Input<string> Type { get; set; } = null!;
    }
}
