using System.Collections.Immutable;

namespace Pulumi.Aws.DynamoDB
{
    /// <summary>A DynamoDB table; with <c>replicas</c> a global table (version 2019.11.21) across regions.</summary>
    [AwsResourceType("aws:dynamodb/table:Table")]
    public partial class Table : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("streamArn")]
        public Output<string> StreamArn { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Table(string name, TableArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:dynamodb/table:Table", name, args ?? new TableArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TableArgs : global::Pulumi.ResourceArgs
    {
        [Input("attributes")]
        private InputList<Inputs.TableAttributeArgs>? _attributes;

        public InputList<Inputs.TableAttributeArgs> Attributes
        {
            get => _attributes ?? (_attributes = new InputList<Inputs.TableAttributeArgs>());
            set => _attributes = value;
        }

        [Input("billingMode")]
        public Input<string>? BillingMode { get; set; }

        [Input("deletionProtectionEnabled")]
        public Input<bool>? DeletionProtectionEnabled { get; set; }

        [Input("hashKey")]
        public Input<string>? HashKey { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("pointInTimeRecovery")]
        public Input<Inputs.TablePointInTimeRecoveryArgs>? PointInTimeRecovery { get; set; }

        [Input("rangeKey")]
        public Input<string>? RangeKey { get; set; }

        [Input("replicas")]
        private InputList<Inputs.TableReplicaArgs>? _replicas;

        public InputList<Inputs.TableReplicaArgs> Replicas
        {
            get => _replicas ?? (_replicas = new InputList<Inputs.TableReplicaArgs>());
            set => _replicas = value;
        }

        [Input("serverSideEncryption")]
        public Input<Inputs.TableServerSideEncryptionArgs>? ServerSideEncryption { get; set; }

        [Input("streamEnabled")]
        public Input<bool>? StreamEnabled { get; set; }

        [Input("streamViewType")]
        public Input<string>? StreamViewType { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
