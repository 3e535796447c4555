using System.Collections.Immutable;

namespace Pulumi.Aws.Lambda
{
    /// <summary>A Lambda function deployed from an archive.</summary>
    [AwsResourceType("aws:lambda/function:Function")]
    public partial class Function : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("invokeArn")]
        public Output<string> InvokeArn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Function(string name, FunctionArgs args, CustomResourceOptions? options = null)
            : base("aws:lambda/function:Function", name, args ?? new FunctionArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class FunctionArgs : global::Pulumi.ResourceArgs
    {
        [Input("architectures")]
        private InputList<string>? _architectures;

        public InputList<string> Architectures
        {
            get => _architectures ?? (_architectures = new InputList<string>());
            set => _architectures = value;
        }

        [Input("code")]
        public Input<Archive>? Code { get; set; }

        [Input("deadLetterConfig")]
        public Input<Inputs.FunctionDeadLetterConfigArgs>? DeadLetterConfig { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("environment")]
        public Input<Inputs.FunctionEnvironmentArgs>? Environment { get; set; }

        [Input("handler")]
        public Input<string>? Handler { get; set; }

        [Input("memorySize")]
        public Input<int>? MemorySize { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("role", required: true)]
        public Input<string> Role { get; set; } = null!;

        [Input("sourceCodeHash")]
        public Input<string>? SourceCodeHash { get; set; }

        [Input("runtime")]
        public InputUnion<string, Pulumi.Aws.Lambda.Runtime>? Runtime { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("timeout")]
        public Input<int>? Timeout { get; set; }
    }
}
