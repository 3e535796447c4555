using System.Collections.Immutable;
using Fidelity.Tests.Aws;
using Fidelity.Tests.Typings;
using Pulumi;

namespace Fidelity.Tests;

public class TypeShapeTests
{
    private static readonly SdkConventions Conventions = new("Fidelity.Tests.Fixtures.Good");

    [Theory]
    [InlineData("pulumi.Input<string | undefined>", "string")]
    [InlineData("pulumi.Input<pulumi.Input<string>[] | undefined>", "list of string")]
    [InlineData("pulumi.Output<{ [key: string]: string; } | undefined>", "map of string")]
    [InlineData("pulumi.Input<pulumi.Input<inputs.ec2.SecurityGroupIngress>[]>", "list of object ec2.SecurityGroupIngress")]
    [InlineData("pulumi.Input<string | enums.lambda.Runtime | undefined>", "string | enum lambda.Runtime")]
    [InlineData("pulumi.Input<pulumi.asset.Archive | undefined>", "pulumi.asset.Archive")]
    [InlineData("inputs.ProviderDefaultTags", "object ProviderDefaultTags")]
    [InlineData("\"fast\"", "string")]
    [InlineData("pulumi.Input<string | Role | undefined>", "string | Role")]
    [InlineData("number", "number")]
    public void Typings_types_reduce_to_shapes(string typeText, string shape)
    {
        Assert.Equal(shape, TsTypeShapes.Parse(typeText).Describe());
    }

    [Theory]
    [InlineData("pulumi.Input<string | undefined>", true)]
    [InlineData("pulumi.Output<number>", false)]
    [InlineData("pulumi.Output<{ [key: string]: string | undefined; }>", false)]
    public void Undefined_is_seen_only_at_the_top_level_of_the_type(string typeText, bool admits)
    {
        Assert.Equal(admits, TsTypeShapes.AdmitsUndefined(typeText));
    }

    [Fact]
    public void Csharp_sdk_types_reduce_to_the_same_shapes()
    {
        Assert.Equal("string", SdkTypeShapes.Of(typeof(Input<string>), Conventions).Describe());
        Assert.Equal("number", SdkTypeShapes.Of(typeof(Output<int?>), Conventions).Describe());
        Assert.Equal("list of string", SdkTypeShapes.Of(typeof(InputList<string>), Conventions).Describe());
        Assert.Equal("map of string", SdkTypeShapes.Of(typeof(Output<ImmutableDictionary<string, string>>), Conventions).Describe());
        Assert.Equal("string | enum lambda.Runtime", SdkTypeShapes.Of(typeof(InputUnion<string, Fixtures.Good.Lambda.Runtime>), Conventions).Describe());
        Assert.Equal("object ec2.SecurityGroupIngressArgs", SdkTypeShapes.Of(typeof(InputList<Fixtures.Good.Ec2.Inputs.SecurityGroupIngressArgs>), Conventions) is ListShape list ? list.Item.Describe() : "");
        Assert.Equal("pulumi.asset.Archive", SdkTypeShapes.Of(typeof(Input<Archive>), Conventions).Describe());
    }

    [Fact]
    public void An_args_class_fits_the_interface_its_name_stands_for_and_a_single_type_may_pick_one_union_option()
    {
        var ingress = SdkTypeShapes.Of(typeof(Fixtures.Good.Ec2.Inputs.SecurityGroupIngressArgs), Conventions);

        Assert.True(SdkTypeShapes.Fits(ingress, new ObjectShape("ec2", "SecurityGroupIngress")));
        Assert.False(SdkTypeShapes.Fits(ingress, new ObjectShape("ec2", "SecurityGroupEgress")));
        Assert.True(SdkTypeShapes.Fits(PrimitiveShape.String, TsTypeShapes.Parse("string | inputs.iam.PolicyDocument")));
        Assert.False(SdkTypeShapes.Fits(new UnionShape([PrimitiveShape.String, PrimitiveShape.Number]), PrimitiveShape.String));
    }

    [Fact]
    public void Object_stands_for_a_union_of_three_or_more_options_only()
    {
        Assert.True(SdkTypeShapes.Fits(PrimitiveShape.Any, TsTypeShapes.Parse("string | inputs.iam.AWSPrincipal | inputs.iam.ServicePrincipal")));
        Assert.False(SdkTypeShapes.Fits(PrimitiveShape.Any, TsTypeShapes.Parse("string | inputs.iam.AWSPrincipal")));
    }
}

public class InputInterfaceCandidateTests
{
    [Theory]
    [InlineData("SecurityGroupIngressArgs", "SecurityGroupIngress,SecurityGroupIngressArgs")]
    [InlineData("SecurityGroupIngressGetArgs", "SecurityGroupIngress,SecurityGroupIngressGet,SecurityGroupIngressGetArgs")]
    [InlineData("GetSubnetsFilterInputArgs", "GetSubnetsFilter,GetSubnetsFilterInput,GetSubnetsFilterArgs,GetSubnetsFilterInputArgs")]
    [InlineData("GetSubnetsFilter", "GetSubnetsFilter")]
    public void A_nested_input_class_name_stands_for_these_typings_interfaces(string csName, string candidates)
    {
        Assert.Equal(candidates.Split(','), SdkConventions.InputInterfaceCandidates(csName));
    }
}
