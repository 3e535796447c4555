namespace Pulumi.Aws.DynamoDB.Inputs
{
    /// <summary>A replica of a global table in another region, with its own key and recovery settings there.</summary>
    public sealed class TableReplicaArgs : global::Pulumi.ResourceArgs
    {
        [Input("deletionProtectionEnabled")]
        public Input<bool>? DeletionProtectionEnabled { get; set; }

        [Input("kmsKeyArn")]
        public Input<string>? KmsKeyArn { get; set; }

        [Input("pointInTimeRecovery")]
        public Input<bool>? PointInTimeRecovery { get; set; }

        [Input("propagateTags")]
        public Input<bool>? PropagateTags { get; set; }

        [Input("regionName", required: true)]
        public Input<string> RegionName { get; set; } = null!;
    }
}
