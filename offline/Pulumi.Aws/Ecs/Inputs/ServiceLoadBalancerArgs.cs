namespace Pulumi.Aws.Ecs.Inputs
{
    /// <summary>Registers a service's container port with a target group.</summary>
    public sealed class ServiceLoadBalancerArgs : global::Pulumi.ResourceArgs
    {
        [Input("containerName", required: true)]
        public Input<string> ContainerName { get; set; } = null!;

        [Input("containerPort", required: true)]
        public Input<int> ContainerPort { get; set; } = null!;

        [Input("elbName")]
        public Input<string>? ElbName { get; set; }

        [Input("targetGroupArn")]
        public Input<string>? TargetGroupArn { get; set; }
    }
}
