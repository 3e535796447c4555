using Fidelity.Tests.Aws;

namespace Fidelity.Tests;

public class CSharpNameRuleTests
{
    [Fact]
    public void The_default_name_is_the_wire_name_with_its_first_letter_upper_cased()
    {
        Assert.Equal("CidrBlock", CSharpNameRule.None.Expected(typeof(object), "cidrBlock"));
    }

    [Fact]
    public void An_exception_applies_to_its_type_and_wire_name_only()
    {
        var rule = CSharpNameRule.Parse(["System.String.PolicyDocument | policy | sdk/dotnet/Iam/Policy.cs"], "AwsCSharpNames.txt");

        Assert.Equal("PolicyDocument", rule.Expected(typeof(string), "policy"));
        Assert.Equal("Policy", rule.Expected(typeof(object), "policy"));
    }

    [Fact]
    public void A_malformed_exception_line_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => CSharpNameRule.Parse(["Policy | policy"], "AwsCSharpNames.txt"));

        Assert.Equal("AwsCSharpNames.txt:1: expected 'Type.Member | wire name | evidence path', got: Policy | policy", error.Message);
    }

    [Fact]
    public void The_repository_table_parses_and_cites_pulumi_aws_dotnet_sources()
    {
        var lines = Names.DataLines(File.ReadAllLines(TestFiles.AwsCSharpNames)).Select(l => l.Line).ToList();

        CSharpNameRule.Load(TestFiles.AwsCSharpNames);
        Assert.All(lines, l => Assert.Matches(@"^Pulumi\.Aws\.[\w.]+ \| \w+ \| sdk/dotnet/[\w/]+\.cs$", l));
    }
}
