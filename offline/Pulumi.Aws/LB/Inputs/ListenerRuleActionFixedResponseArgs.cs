namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>A fixed response as a listener rule's action.</summary>
    public sealed class ListenerRuleActionFixedResponseArgs : global::Pulumi.ResourceArgs
    {
        [Input("contentType", required: true)]
        public Input<string> ContentType { get; set; } = null!;

        [Input("messageBody")]
        public Input<string>? MessageBody { get; set; }

        [Input("statusCode")]
        public Input<string>? StatusCode { get; set; }
    }
}
