using System.Collections.Immutable;

namespace Pulumi.Aws.LB
{
    /// <summary>A listener of a load balancer (port, protocol, certificate) and its default actions.</summary>
    [AwsResourceType("aws:lb/listener:Listener")]
    public partial class Listener : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("certificateArn")]
        public Output<string?> CertificateArn { get; private set; } = null!;

        [Output("loadBalancerArn")]
        public Output<string> LoadBalancerArn { get; private set; } = null!;

        [Output("port")]
        public Output<int?> Port { get; private set; } = null!;

        [Output("protocol")]
        public Output<string> Protocol { get; private set; } = null!;

        [Output("sslPolicy")]
        public Output<string> SslPolicy { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        public Listener(string name, ListenerArgs args, CustomResourceOptions? options = null)
            : base("aws:lb/listener:Listener", name, args ?? new ListenerArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class ListenerArgs : global::Pulumi.ResourceArgs
    {
        [Input("alpnPolicy")]
        public Input<string>? AlpnPolicy { get; set; }

        [Input("certificateArn")]
        public Input<string>? CertificateArn { get; set; }

        [Input("defaultActions", required: true)]
        private InputList<Inputs.ListenerDefaultActionArgs>? _defaultActions;

        public InputList<Inputs.ListenerDefaultActionArgs> DefaultActions
        {
            get => _defaultActions ?? (_defaultActions = new InputList<Inputs.ListenerDefaultActionArgs>());
            set => _defaultActions = value;
        }

        [Input("loadBalancerArn", required: true)]
        public Input<string> LoadBalancerArn { get; set; } = null!;

        [Input("port")]
        public Input<int>? Port { get; set; }

        [Input("protocol")]
        public Input<string>? Protocol { get; set; }

        [Input("routingHttpResponseContentSecurityPolicyHeaderValue")]
        public Input<string>? RoutingHttpResponseContentSecurityPolicyHeaderValue { get; set; }

        [Input("routingHttpResponseServerEnabled")]
        public Input<bool>? RoutingHttpResponseServerEnabled { get; set; }

        [Input("routingHttpResponseStrictTransportSecurityHeaderValue")]
        public Input<string>? RoutingHttpResponseStrictTransportSecurityHeaderValue { get; set; }

        [Input("routingHttpResponseXContentTypeOptionsHeaderValue")]
        public Input<string>? RoutingHttpResponseXContentTypeOptionsHeaderValue { get; set; }

        [Input("routingHttpResponseXFrameOptionsHeaderValue")]
        public Input<string>? RoutingHttpResponseXFrameOptionsHeaderValue { get; set; }

        [Input("sslPolicy")]
        public Input<string>? SslPolicy { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
