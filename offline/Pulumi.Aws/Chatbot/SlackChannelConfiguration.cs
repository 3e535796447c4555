using System.Collections.Immutable;

namespace Pulumi.Aws.Chatbot
{
    /// <summary>Posts the messages of SNS topics to a Slack channel through AWS Chatbot.</summary>
    [AwsResourceType("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration")]
    public partial class SlackChannelConfiguration : global::Pulumi.CustomResource
    {
        [Output("chatConfigurationArn")]
        public Output<string> ChatConfigurationArn { get; private set; } = null!;

        [Output("snsTopicArns")]
        public Output<ImmutableArray<string>> SnsTopicArns { get; private set; } = null!;

        public SlackChannelConfiguration(string name, SlackChannelConfigurationArgs args, CustomResourceOptions? options = null)
            : base("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration", name,
                args ?? new SlackChannelConfigurationArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class SlackChannelConfigurationArgs : global::Pulumi.ResourceArgs
    {
        [Input("configurationName", required: true)]
        public Input<string> ConfigurationName { get; set; } = null!;

        [Input("guardrailPolicyArns")]
        private InputList<string>? _guardrailPolicyArns;

        public InputList<string> GuardrailPolicyArns
        {
            get => _guardrailPolicyArns ?? (_guardrailPolicyArns = new InputList<string>());
            set => _guardrailPolicyArns = value;
        }

        [Input("iamRoleArn", required: true)]
        public Input<string> IamRoleArn { get; set; } = null!;

        [Input("loggingLevel")]
        public Input<string>? LoggingLevel { get; set; }

        [Input("slackChannelId", required: true)]
        public Input<string> SlackChannelId { get; set; } = null!;

        [Input("slackTeamId", required: true)]
        public Input<string> SlackTeamId { get; set; } = null!;

        [Input("snsTopicArns")]
        private InputList<string>? _snsTopicArns;

        public InputList<string> SnsTopicArns
        {
            get => _snsTopicArns ?? (_snsTopicArns = new InputList<string>());
            set => _snsTopicArns = value;
        }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
