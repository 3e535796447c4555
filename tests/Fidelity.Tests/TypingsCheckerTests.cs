using Fidelity.Tests.Aws;

namespace Fidelity.Tests;

/// <summary>
/// The checker's own tests: fixtures with one deliberate mistake each, against the real @pulumi/aws typings,
/// must yield exactly the expected message; the well-formed fixtures must yield none. This is what shows a
/// misspelled [Input] name fails the fidelity suite.
/// </summary>
public class TypingsCheckerTests
{
    private const string Fixtures = "Fidelity.Tests.Fixtures.";

    private static IReadOnlyList<string> Check(string scenario, CSharpNameRule? names = null)
    {
        var root = Fixtures + scenario;
        var types = typeof(TypingsCheckerTests).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)));
        return new TypingsChecker(ProviderTypings.Aws, new SdkConventions(root), names ?? CSharpNameRule.None).Check(types);
    }

    [Fact]
    public void Well_formed_resources_args_nested_types_enums_and_provider_pass()
    {
        var names = CSharpNameRule.Parse(
        [
            "Fidelity.Tests.Fixtures.Good.Iam.Policy.PolicyDocument | policy | sdk/dotnet/Iam/Policy.cs",
            "Fidelity.Tests.Fixtures.Good.Iam.PolicyArgs.PolicyDocument | policy | sdk/dotnet/Iam/Policy.cs",
        ], "test");

        Assert.Empty(Check("Good", names));
    }

    [Fact]
    public void A_misspelled_input_wire_name_is_reported_with_the_nearest_real_member()
    {
        Assert.Equal(
            ["Fidelity.Tests.Fixtures.Misspelled.Ec2.VpcArgs.CidrBlok [wire 'cidrBlok']: not declared in the typings; the typings say: interface VpcArgs has no 'cidrBlok', nearest is 'cidrBlock?: pulumi.Input<string | undefined>'"],
            Check("Misspelled"));
    }

    [Fact]
    public void Required_ness_that_differs_from_the_typings_is_reported_both_ways()
    {
        Assert.Equal(
        [
            "Fidelity.Tests.Fixtures.WronglyRequired.Ec2.Inputs.SecurityGroupIngressArgs.Protocol [wire 'protocol']: optional in C# but required in the typings; the typings say: protocol: pulumi.Input<string>",
            "Fidelity.Tests.Fixtures.WronglyRequired.Ec2.VpcArgs.CidrBlock [wire 'cidrBlock']: required in C# but optional in the typings; the typings say: cidrBlock?: pulumi.Input<string | undefined>",
        ], Check("WronglyRequired"));
    }

    [Fact]
    public void A_csharp_property_name_other_than_the_real_sdks_is_reported_for_properties_and_backing_fields()
    {
        Assert.Equal(
        [
            "Fidelity.Tests.Fixtures.WrongName.Ec2.VpcArgs.Cidr [wire 'cidrBlock']: the real C# SDK names it CidrBlock; the typings say: cidrBlock?: pulumi.Input<string | undefined>",
            "Fidelity.Tests.Fixtures.WrongName.Ec2.VpcArgs._tags [wire 'tags']: the real C# SDK names it Tags; the typings say: tags?: pulumi.Input<{ [key: string]: pulumi.Input<string>; } | undefined>",
        ], Check("WrongName"));
    }

    [Fact]
    public void The_naming_exceptions_table_overrides_the_pascal_case_rule()
    {
        Assert.Equal(
        [
            "Fidelity.Tests.Fixtures.Good.Iam.Policy.PolicyDocument [wire 'policy']: the real C# SDK names it Policy; the typings say: readonly policy: pulumi.Output<string>",
            "Fidelity.Tests.Fixtures.Good.Iam.PolicyArgs.PolicyDocument [wire 'policy']: the real C# SDK names it Policy; the typings say: policy: pulumi.Input<string | inputs.iam.PolicyDocument>",
        ], Check("Good"));
    }

    [Fact]
    public void Type_shapes_nullability_and_unknown_outputs_are_reported()
    {
        Assert.Equal(
        [
            "Fidelity.Tests.Fixtures.WrongShape.Ec2.Outputs.SecurityGroupIngress.FromPort [wire 'fromPort']: the C# type int? is nullable but the typings always set it; the typings say: fromPort: number",
            "Fidelity.Tests.Fixtures.WrongShape.Ec2.Vpc.Ipv4NetmaskLength [wire 'ipv4NetmaskLength']: the C# type int is not nullable but the typings make it optional; the typings say: readonly ipv4NetmaskLength: pulumi.Output<number | undefined>",
            "Fidelity.Tests.Fixtures.WrongShape.Ec2.Vpc.Arnn [wire 'arnn']: not declared in the typings; the typings say: class Vpc has no 'arnn', nearest is 'readonly arn: pulumi.Output<string>'",
            "Fidelity.Tests.Fixtures.WrongShape.Ec2.VpcArgs.EnableDnsHostnames [wire 'enableDnsHostnames']: the C# type is string, not boolean; the typings say: enableDnsHostnames?: pulumi.Input<boolean | undefined>",
        ], Check("WrongShape"));
    }

    [Fact]
    public void Unknown_tokens_missing_resource_type_attributes_and_module_mismatches_are_reported()
    {
        Assert.Equal(
        [
            "Fidelity.Tests.Fixtures.BadTokens.Ec2.Untyped [token none]: the class has no ResourceType attribute, so its type token cannot be checked; the typings say: (nothing looked up)",
            "Fidelity.Tests.Fixtures.BadTokens.Ec2.Vpcx [token 'aws:ec2/vpcx:Vpcx']: no resource of @pulumi/aws 7.48.0 has this type token; the typings say: nearest token is 'aws:ec2/vpc:Vpc'",
            "Fidelity.Tests.Fixtures.BadTokens.Lb.Vpc [token 'aws:ec2/vpc:Vpc']: the C# namespace stands for module 'lb', the token for 'ec2'; the typings say: aws:ec2/vpc:Vpc in ec2/vpc.js",
        ], Check("BadTokens"));
    }

    [Fact]
    public void Enum_values_missing_from_the_typings_and_misnamed_enum_members_are_reported()
    {
        Assert.Equal(
        [
            "Fidelity.Tests.Fixtures.BadEnum.Lambda.Runtime.DotNet8 [value 'dotnet8']: the real C# SDK names it Dotnet8; the typings say: Dotnet8: \"dotnet8\"",
            "Fidelity.Tests.Fixtures.BadEnum.Lambda.Runtime.Dotnet9 [value 'dotnet9']: not a value of the enum; the typings say: Runtime has no \"dotnet9\", nearest is 'Dotnet6: \"dotnet6\"'",
        ], Check("BadEnum"));
    }

    [Fact]
    public void Nested_types_without_a_typings_interface_and_types_of_no_known_kind_are_reported()
    {
        Assert.Equal(
        [
            "Fidelity.Tests.Fixtures.BadNested.Ec2.Helper: the fidelity checker has no rule for this kind of type; the typings say: (not compared)",
            "Fidelity.Tests.Fixtures.BadNested.Ec2.Inputs.SecurityGroupIngresArgs: the typings declare no ec2.SecurityGroupIngres for it; the typings say: types/input.d.ts has no interface ec2.SecurityGroupIngres",
        ], Check("BadNested"));
    }
}
