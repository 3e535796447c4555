using System.Collections.Immutable;
using Pulumi;

// Fixtures shaped like the real generated Pulumi.Aws SDK; the checker must find nothing wrong with them.
// Never constructed: the checker reads them by reflection only.
namespace Fidelity.Tests.Fixtures.Good.Ec2
{
    [FixtureResourceType("aws:ec2/vpc:Vpc")]
    public class Vpc : CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("enableDnsHostnames")]
        public Output<bool> EnableDnsHostnames { get; private set; } = null!;

        [Output("ipv4NetmaskLength")]
        public Output<int?> Ipv4NetmaskLength { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Vpc(string name, VpcArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ec2/vpc:Vpc", name, args ?? new VpcArgs(), options)
        {
        }
    }

    public sealed class VpcArgs : ResourceArgs
    {
        [Input("cidrBlock")]
        public Input<string>? CidrBlock { get; set; }

        [Input("enableDnsHostnames")]
        public Input<bool>? EnableDnsHostnames { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }
    }

    [FixtureResourceType("aws:ec2/securityGroup:SecurityGroup")]
    public class SecurityGroup : CustomResource
    {
        [Output("ingress")]
        public Output<ImmutableArray<Outputs.SecurityGroupIngress>> Ingress { get; private set; } = null!;

        public SecurityGroup(string name, SecurityGroupArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ec2/securityGroup:SecurityGroup", name, args ?? new SecurityGroupArgs(), options)
        {
        }
    }

    public sealed class SecurityGroupArgs : ResourceArgs
    {
        [Input("ingress")]
        private InputList<Inputs.SecurityGroupIngressArgs>? _ingress;

        public InputList<Inputs.SecurityGroupIngressArgs> Ingress
        {
            get => _ingress ??= new InputList<Inputs.SecurityGroupIngressArgs>();
            set => _ingress = value;
        }

        [Input("vpcId")]
        public Input<string>? VpcId { get; set; }
    }
}

namespace Fidelity.Tests.Fixtures.Good.Ec2.Inputs
{
    public sealed class SecurityGroupIngressArgs : ResourceArgs
    {
        [Input("cidrBlocks")]
        private InputList<string>? _cidrBlocks;

        public InputList<string> CidrBlocks
        {
            get => _cidrBlocks ??= new InputList<string>();
            set => _cidrBlocks = value;
        }

        [Input("fromPort", required: true)]
        public Input<int> FromPort { get; set; } = null!;

        [Input("protocol", required: true)]
        public Input<string> Protocol { get; set; } = null!;
    }
}

namespace Fidelity.Tests.Fixtures.Good.Ec2.Outputs
{
    [OutputType]
    public sealed class SecurityGroupIngress
    {
        public readonly ImmutableArray<string> CidrBlocks;
        public readonly int FromPort;
        public readonly bool? Self;

        [OutputConstructor]
        private SecurityGroupIngress(ImmutableArray<string> cidrBlocks, int fromPort, bool? self)
        {
            CidrBlocks = cidrBlocks;
            FromPort = fromPort;
            Self = self;
        }
    }
}

namespace Fidelity.Tests.Fixtures.Good.Iam
{
    [FixtureResourceType("aws:iam/policy:Policy")]
    public class Policy : CustomResource
    {
        [Output("policy")]
        public Output<string> PolicyDocument { get; private set; } = null!;

        public Policy(string name, PolicyArgs args, CustomResourceOptions? options = null)
            : base("aws:iam/policy:Policy", name, args, options)
        {
        }
    }

    public sealed class PolicyArgs : ResourceArgs
    {
        [Input("policy", required: true)]
        public Input<string> PolicyDocument { get; set; } = null!;
    }
}

namespace Fidelity.Tests.Fixtures.Good.Lambda
{
    [EnumType]
    public readonly struct Runtime : IEquatable<Runtime>
    {
        private readonly string _value;

        private Runtime(string value) => _value = value;

        public static Runtime Dotnet8 { get; } = new("dotnet8");
        public static Runtime Python3d12 { get; } = new("python3.12");

        public bool Equals(Runtime other) => _value == other._value;
        public override bool Equals(object? obj) => obj is Runtime other && Equals(other);
        public override int GetHashCode() => _value.GetHashCode(StringComparison.Ordinal);
        public override string ToString() => _value;
    }

    [FixtureResourceType("aws:lambda/function:Function")]
    public class Function : CustomResource
    {
        public Function(string name, FunctionArgs args, CustomResourceOptions? options = null)
            : base("aws:lambda/function:Function", name, args, options)
        {
        }
    }

    public sealed class FunctionArgs : ResourceArgs
    {
        [Input("code")]
        public Input<Archive>? Code { get; set; }

        [Input("role", required: true)]
        public Input<string> Role { get; set; } = null!;

        [Input("runtime")]
        public InputUnion<string, Runtime>? Runtime { get; set; }
    }
}

namespace Fidelity.Tests.Fixtures.Good
{
    [FixtureResourceType("pulumi:providers:aws")]
    public class Provider : ProviderResource
    {
        [Output("region")]
        public Output<string?> Region { get; private set; } = null!;

        public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)
            : base("aws", name, args ?? new ProviderArgs(), options)
        {
        }
    }

    public sealed class ProviderArgs : ResourceArgs
    {
        [Input("region")]
        public Input<string>? Region { get; set; }

        [Input("defaultTags", json: true)]
        public Input<Inputs.ProviderDefaultTagsArgs>? DefaultTags { get; set; }
    }
}

namespace Fidelity.Tests.Fixtures.Good.Inputs
{
    public sealed class ProviderDefaultTagsArgs : ResourceArgs
    {
        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }
    }
}

// The real invoke args derive from InvokeArgs, which the offline SDK does not declare yet; the checker treats
// ResourceArgs and InvokeArgs subclasses alike.
namespace Fidelity.Tests.Fixtures.Good
{
    public static class GetCallerIdentity
    {
    }

    public sealed class GetCallerIdentityArgs : ResourceArgs
    {
        [Input("id")]
        public string? Id { get; set; }
    }

    public sealed class GetCallerIdentityInvokeArgs : ResourceArgs
    {
        [Input("id")]
        public Input<string>? Id { get; set; }
    }

    [OutputType]
    public sealed class GetCallerIdentityResult
    {
        public readonly string AccountId;
        public readonly string Arn;

        [OutputConstructor]
        private GetCallerIdentityResult(string accountId, string arn)
        {
            AccountId = accountId;
            Arn = arn;
        }
    }
}
