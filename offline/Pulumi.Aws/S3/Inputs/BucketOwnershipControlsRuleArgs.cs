namespace Pulumi.Aws.S3.Inputs
{
    /// <summary>The ownership setting.</summary>
    public sealed class BucketOwnershipControlsRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("objectOwnership", required: true)]
        public Input<string> ObjectOwnership { get; set; } = null!;
    }
}
