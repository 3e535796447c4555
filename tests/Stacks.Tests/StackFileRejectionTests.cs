using Infra.Stacks.Loading;

namespace Infra.Stacks.Tests;

/// <summary>What is wrong with a stack file itself: each class fails with one message and no settings.</summary>
public class StackFileRejectionTests
{
    private const string Staging = MinimalStack.Staging;

    private static void ExpectOnly(string yaml, string message) => ExpectOnly(StackFileText.Encode(yaml), message);

    private static void ExpectOnly(byte[] content, string message)
    {
        var result = Expect.File("staging", content);

        Assert.Equal([message], result.Errors);
        Assert.Null(result.Settings);
    }

    [Fact]
    public void A_second_yaml_document_is_rejected() =>
        ExpectOnly(Staging + "\n---\nconfig:\n  infra:environment: production\n",
            "Pulumi.staging.yaml: line 9, column 1: a second YAML document; a stack file is one document, remove the --- and what follows");

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_before_it_is_parsed() =>
        ExpectOnly(Staging + "\n# " + new string('x', StackFileText.MaxBytes) + "\n",
            $"Pulumi.staging.yaml: {Staging.Length + StackFileText.MaxBytes + 4} bytes; a stack file may have at most 262144 bytes (256 KiB)");

    [Fact]
    public void Invalid_utf8_is_an_error_at_its_byte_not_a_replaced_character()
    {
        var content = StackFileText.Encode("config:\n  aws:region: eu-west-1\n  infra:environment: stag").Concat(new byte[] { 0xFF })
            .Concat(StackFileText.Encode("ing\n")).ToArray();

        ExpectOnly(content, "Pulumi.staging.yaml: line 3, column 26: byte 0xFF is not valid UTF-8; save the file as UTF-8");
    }

    [Theory]
    [InlineData("- config\n- infra:environment\n", "a list")]
    [InlineData("just some text\n", "'just some text'")]
    public void A_top_level_that_is_not_a_map_is_rejected(string yaml, string shown) =>
        ExpectOnly(yaml, $"Pulumi.staging.yaml: line 1, column 1: the top level is {shown}; a stack file is a map with a config: key");

    [Fact]
    public void A_config_that_is_not_a_map_is_rejected() =>
        ExpectOnly("config:\n  - aws:region\n  - infra:environment\n",
            "Pulumi.staging.yaml: config: expected a map of keys such as infra:environment, got a list");

    [Fact]
    public void A_tab_in_the_indentation_is_reported_on_its_own_line()
    {
        var yaml = "config:\n  aws:region: eu-west-1\n  infra:environment: staging\n  infra:services:\n    web:\n      image:\n        blue: repo/web:1\n\t      green: repo/web:2\n";

        ExpectOnly(yaml, "Pulumi.staging.yaml: line 8, column 1: not valid YAML: a tab in the indentation; YAML indents with spaces only");
    }

    [Fact]
    public void A_tab_inside_nested_indentation_is_reported_on_its_own_line() =>
        ExpectOnly("config:\n  aws:region: eu-west-1\n  infra:network:\n    cidr: 10.0.0.0/16\n \t azCount: 2\n",
            "Pulumi.staging.yaml: line 5, column 2: not valid YAML: a tab in the indentation; YAML indents with spaces only");

    [Theory]
    [InlineData("config:\n  infra:environment: [staging\n", 2, 22, '[', ']')]
    [InlineData("config:\n  infra:rollout:\n    steps: [10, 50\n  infra:environment: staging\n", 3, 12, '[', ']')]
    [InlineData("config:\n  infra:network: {cidr: 10.0.0.0/16\n", 2, 18, '{', '}')]
    public void An_unclosed_flow_collection_names_where_it_opened(string yaml, int line, int column, char opening, char closing) =>
        ExpectOnly(yaml, $"Pulumi.staging.yaml: line {line}, column {column}: not valid YAML: the {opening} opened here is not closed; close it with {closing}");

    [Fact]
    public void Other_syntax_errors_keep_the_parser_message_and_position() =>
        ExpectOnly("config:\n  aws:region: eu-west-1\n  infra:environment: 'staging\n",
            "Pulumi.staging.yaml: line 3, column 22: not valid YAML: While scanning a quoted scalar, found unexpected end of stream.");
}
