namespace Pulumi.Aws.AppConfig
{
    /// <summary>One version of a configuration AppConfig hosts.</summary>
    [AwsResourceType("aws:appconfig/hostedConfigurationVersion:HostedConfigurationVersion")]
    public partial class HostedConfigurationVersion : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("versionNumber")]
        public Output<int> VersionNumber { get; private set; } = null!;

        public HostedConfigurationVersion(string name, HostedConfigurationVersionArgs args, CustomResourceOptions? options = null)
            : base("aws:appconfig/hostedConfigurationVersion:HostedConfigurationVersion", name, args ?? new HostedConfigurationVersionArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class HostedConfigurationVersionArgs : global::Pulumi.ResourceArgs
    {
        [Input("applicationId", required: true)]
        public Input<string> ApplicationId { get; set; } = null!;

        [Input("configurationProfileId", required: true)]
        public Input<string> ConfigurationProfileId { get; set; } = null!;

        [Input("content", required: true)]
        public Input<string> Content { get; set; } = null!;

        [Input("contentType", required: true)]
        public Input<string> ContentType { get; set; } = null!;

        [Input("description")]
        public Input<string>? Description { get; set; }
    }
}
