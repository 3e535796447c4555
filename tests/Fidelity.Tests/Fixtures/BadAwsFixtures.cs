using Pulumi;

// Fixtures with one deliberate mistake per namespace root, each pointed at the real @pulumi/aws typings.
// The checker's self-tests assert the exact message each mistake produces. Never constructed.
namespace Fidelity.Tests.Fixtures.Misspelled.Ec2
{
    [FixtureResourceType("aws:ec2/vpc:Vpc")]
    public class Vpc(string name, VpcArgs args) : CustomResource("aws:ec2/vpc:Vpc", name, args);

    public sealed class VpcArgs : ResourceArgs
    {
        [Input("cidrBlok")]
        public Input<string>? CidrBlok { get; set; }
    }
}

namespace Fidelity.Tests.Fixtures.WronglyRequired.Ec2
{
    [FixtureResourceType("aws:ec2/vpc:Vpc")]
    public class Vpc(string name, VpcArgs args) : CustomResource("aws:ec2/vpc:Vpc", name, args);

    public sealed class VpcArgs : ResourceArgs
    {
        [Input("cidrBlock", required: true)]
        public Input<string> CidrBlock { get; set; } = null!;
    }
}

namespace Fidelity.Tests.Fixtures.WronglyRequired.Ec2.Inputs
{
    public sealed class SecurityGroupIngressArgs : ResourceArgs
    {
        [Input("protocol")]
        public Input<string>? Protocol { get; set; }
    }
}

namespace Fidelity.Tests.Fixtures.WrongName.Ec2
{
    [FixtureResourceType("aws:ec2/vpc:Vpc")]
    public class Vpc(string name, VpcArgs args) : CustomResource("aws:ec2/vpc:Vpc", name, args);

    public sealed class VpcArgs : ResourceArgs
    {
        [Input("cidrBlock")]
        public Input<string>? Cidr { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tagz
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }
    }
}

namespace Fidelity.Tests.Fixtures.WrongShape.Ec2
{
    [FixtureResourceType("aws:ec2/vpc:Vpc")]
    public class Vpc(string name, VpcArgs args) : CustomResource("aws:ec2/vpc:Vpc", name, args)
    {
        [Output("ipv4NetmaskLength")]
        public Output<int> Ipv4NetmaskLength { get; private set; } = null!;

        [Output("arnn")]
        public Output<string> Arnn { get; private set; } = null!;
    }

    public sealed class VpcArgs : ResourceArgs
    {
        [Input("enableDnsHostnames")]
        public Input<string>? EnableDnsHostnames { get; set; }
    }
}

namespace Fidelity.Tests.Fixtures.WrongShape.Ec2.Outputs
{
    [OutputType]
    public sealed class SecurityGroupIngress
    {
        public readonly int? FromPort;

        [OutputConstructor]
        private SecurityGroupIngress(int? fromPort) => FromPort = fromPort;
    }
}

namespace Fidelity.Tests.Fixtures.BadTokens.Ec2
{
    [FixtureResourceType("aws:ec2/vpcx:Vpcx")]
    public class Vpcx(string name) : CustomResource("aws:ec2/vpcx:Vpcx", name, ResourceArgs.Empty);

    public class Untyped(string name) : CustomResource("aws:ec2/vpc:Vpc", name, ResourceArgs.Empty);
}

namespace Fidelity.Tests.Fixtures.BadTokens.Lb
{
    [FixtureResourceType("aws:ec2/vpc:Vpc")]
    public class Vpc(string name) : CustomResource("aws:ec2/vpc:Vpc", name, ResourceArgs.Empty);
}

namespace Fidelity.Tests.Fixtures.BadEnum.Lambda
{
    [EnumType]
    public readonly struct Runtime(string value)
    {
        public static Runtime DotNet8 { get; } = new("dotnet8");
        public static Runtime Dotnet9 { get; } = new("dotnet9");

        public override string ToString() => value;
    }
}

namespace Fidelity.Tests.Fixtures.BadNested.Ec2.Inputs
{
    public sealed class SecurityGroupIngresArgs : ResourceArgs
    {
        [Input("protocol", required: true)]
        public Input<string> Protocol { get; set; } = null!;
    }
}

namespace Fidelity.Tests.Fixtures.BadNested.Ec2
{
    /// <summary>A public type of no kind the checker knows.</summary>
    public sealed class Helper
    {
    }
}
