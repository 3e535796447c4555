using System.Collections.Immutable;

namespace Pulumi.Aws.Ecs
{
    /// <summary>An ECS service: keeps a number of tasks of a task definition running, behind target groups.</summary>
    [AwsResourceType("aws:ecs/service:Service")]
    public partial class Service : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("cluster")]
        public Output<string> Cluster { get; private set; } = null!;

        [Output("desiredCount")]
        public Output<int?> DesiredCount { get; private set; } = null!;

        [Output("launchType")]
        public Output<string> LaunchType { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("taskDefinition")]
        public Output<string?> TaskDefinition { get; private set; } = null!;

        public Service(string name, ServiceArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ecs/service:Service", name, args ?? new ServiceArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class ServiceArgs : global::Pulumi.ResourceArgs
    {
        [Input("cluster")]
        public Input<string>? Cluster { get; set; }

        [Input("deploymentCircuitBreaker")]
        public Input<Inputs.ServiceDeploymentCircuitBreakerArgs>? DeploymentCircuitBreaker { get; set; }

        [Input("deploymentMaximumPercent")]
        public Input<int>? DeploymentMaximumPercent { get; set; }

        [Input("deploymentMinimumHealthyPercent")]
        public Input<int>? DeploymentMinimumHealthyPercent { get; set; }

        [Input("desiredCount")]
        public Input<int>? DesiredCount { get; set; }

        [Input("enableEcsManagedTags")]
        public Input<bool>? EnableEcsManagedTags { get; set; }

        [Input("enableExecuteCommand")]
        public Input<bool>? EnableExecuteCommand { get; set; }

        [Input("forceNewDeployment")]
        public Input<bool>? ForceNewDeployment { get; set; }

        [Input("healthCheckGracePeriodSeconds")]
        public Input<int>? HealthCheckGracePeriodSeconds { get; set; }

        [Input("launchType")]
        public Input<string>? LaunchType { get; set; }

        [Input("loadBalancers")]
        private InputList<Inputs.ServiceLoadBalancerArgs>? _loadBalancers;

        public InputList<Inputs.ServiceLoadBalancerArgs> LoadBalancers
        {
            get => _loadBalancers ?? (_loadBalancers = new InputList<Inputs.ServiceLoadBalancerArgs>());
            set => _loadBalancers = value;
        }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("networkConfiguration")]
        public Input<Inputs.ServiceNetworkConfigurationArgs>? NetworkConfiguration { get; set; }

        [Input("platformVersion")]
        public Input<string>? PlatformVersion { get; set; }

        [Input("propagateTags")]
        public Input<string>? PropagateTags { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("taskDefinition")]
        public Input<string>? TaskDefinition { get; set; }

        [Input("triggers")]
        private InputMap<string>? _triggers;

        public InputMap<string> Triggers
        {
            get => _triggers ?? (_triggers = new InputMap<string>());
            set => _triggers = value;
        }

        [Input("waitForSteadyState")]
        public Input<bool>? WaitForSteadyState { get; set; }
    }
}
