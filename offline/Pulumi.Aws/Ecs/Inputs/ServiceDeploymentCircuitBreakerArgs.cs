namespace Pulumi.Aws.Ecs.Inputs
{
    /// <summary>Stops (and optionally rolls back) a deployment whose tasks keep failing.</summary>
    public sealed class ServiceDeploymentCircuitBreakerArgs : global::Pulumi.ResourceArgs
    {
        [Input("enable", required: true)]
        public Input<bool> Enable { get; set; } = null!;

        [Input("rollback", required: true)]
        public Input<bool> Rollback { get; set; } = null!;
    }
}
