using Infra.Runner.PlanDiff;

namespace PlanDiff.Tests;

public class MarkdownTextTests
{
    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("a`b", "`` a`b ``")]
    [InlineData("``x", "``` ``x ```")]
    public void Code_spans_use_a_fence_longer_than_any_backtick_run_inside(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Code(text));
    }

    [Fact]
    public void Code_spans_in_table_cells_escape_pipes()
    {
        Assert.Equal("`\"a\\|b\"`", MarkdownText.Code("\"a|b\"", inTable: true));
    }

    [Fact]
    public void Prose_escapes_inline_markup()
    {
        Assert.Equal("s3:\\* on \\<bucket\\> \\_x\\_", MarkdownText.Escape("s3:* on <bucket> _x_"));
    }
}
