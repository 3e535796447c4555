using System.Collections.Immutable;
using Pulumi;

namespace Sdk.Tests;

/// <summary>A provider resource shaped like the generated ones: a token, [Input] args, [Output] properties.</summary>
[ResourceType("test:storage/bucket:Bucket", null)]
public sealed class Bucket : CustomResource
{
    [Output("arn")]
    public Output<string> Arn { get; private set; } = null!;

    [Output("bucketName")]
    public Output<string> BucketName { get; private set; } = null!;

    [Output("sizeGb")]
    public Output<int> SizeGb { get; private set; } = null!;

    [Output("tags")]
    public Output<ImmutableDictionary<string, string>> Tags { get; private set; } = null!;

    [Output("versioning")]
    public Output<BucketVersioning?> Versioning { get; private set; } = null!;

    public Bucket(string name, BucketArgs? args = null, CustomResourceOptions? options = null)
        : base("test:storage/bucket:Bucket", name, args ?? new BucketArgs(), options)
    {
    }
}

public sealed class BucketArgs : ResourceArgs
{
    [Input("bucketName")]
    public Input<string>? BucketName { get; set; }

    [Input("sizeGb")]
    public Input<int>? SizeGb { get; set; }

    [Input("password")]
    public Input<string>? Password { get; set; }

    [Input("policy", json: true)]
    public Input<ImmutableDictionary<string, object>>? Policy { get; set; }

    [Input("versioning")]
    public Input<BucketVersioningArgs>? Versioning { get; set; }

    private InputMap<string>? _tags;

    [Input("tags")]
    public InputMap<string> Tags
    {
        get => _tags ??= new InputMap<string>();
        set => _tags = value;
    }

    private InputList<string>? _readers;

    [Input("readers")]
    public InputList<string> Readers
    {
        get => _readers ??= new InputList<string>();
        set => _readers = value;
    }

    [Input("code")]
    public Input<Archive>? Code { get; set; }
}

public sealed class BucketVersioningArgs : ResourceArgs
{
    [Input("enabled", required: true)]
    public Input<bool> Enabled { get; set; } = null!;

    [Input("mfaDelete")]
    public Input<bool>? MfaDelete { get; set; }
}

[OutputType]
public sealed class BucketVersioning
{
    public readonly bool Enabled;
    public readonly bool? MfaDelete;

    [OutputConstructor]
    private BucketVersioning(bool enabled, bool? mfaDelete)
    {
        Enabled = enabled;
        MfaDelete = mfaDelete;
    }
}

public sealed class TestProvider : ProviderResource
{
    public TestProvider(string name, CustomResourceOptions? options = null)
        : base("test", name, ResourceArgs.Empty, options)
    {
    }
}

/// <summary>A component as ours are written: children parented to it, outputs registered.</summary>
public sealed class Storage : ComponentResource
{
    public Bucket Primary { get; }
    public Output<string> PrimaryArn { get; }

    public Storage(string name, ComponentResourceOptions? options = null) : base("infra:test:Storage", name, options)
    {
        Primary = new Bucket($"{name}-primary", new BucketArgs { BucketName = name }, new CustomResourceOptions { Parent = this });
        PrimaryArn = Primary.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["primaryArn"] = PrimaryArn });
    }
}
