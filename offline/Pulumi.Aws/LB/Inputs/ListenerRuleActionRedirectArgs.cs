namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>A redirect as a listener rule's action, e.g. HTTP to HTTPS.</summary>
    public sealed class ListenerRuleActionRedirectArgs : global::Pulumi.ResourceArgs
    {
        [Input("host")]
        public Input<string>? Host { get; set; }

        [Input("path")]
        public Input<string>? Path { get; set; }

        [Input("port")]
        public Input<string>? Port { get; set; }

        [Input("protocol")]
        public Input<string>? Protocol { get; set; }

        [Input("query")]
        public Input<string>? Query { get; set; }

        [Input("statusCode", required: true)]
        public Input<string> StatusCode { get; set; } = null!;
    }
}
