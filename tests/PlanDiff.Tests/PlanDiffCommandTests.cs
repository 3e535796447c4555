using Infra.Runner.PlanDiff;

namespace PlanDiff.Tests;

public class PlanDiffCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = PlanDiffCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Identical_plans_exit_0_and_print_no_changes()
    {
        var (exit, output, errors) = Run(PlanFixtures.PathOf("base"), PlanFixtures.PathOf("base"));

        Assert.Equal(0, exit);
        Assert.Equal("plan diff infra/production: no changes\n", output);
        Assert.Empty(errors);
    }

    [Fact]
    public void Different_plans_exit_1_with_the_markdown_report_when_asked()
    {
        var (exit, output, errors) = Run(PlanFixtures.PathOf("base"), PlanFixtures.PathOf("four-variants"), "--markdown");

        Assert.Equal(1, exit);
        Assert.Equal(PlanFixtures.Expected("four-variants.md"), output);
        Assert.Empty(errors);
    }

    [Fact]
    public void Different_plans_print_the_text_report_by_default()
    {
        var (exit, output, _) = Run(PlanFixtures.PathOf("base"), PlanFixtures.PathOf("four-variants"));

        Assert.Equal(1, exit);
        Assert.Equal(PlanFixtures.Expected("four-variants.txt"), output);
    }

    [Fact]
    public void Plans_of_different_stacks_exit_2()
    {
        var (exit, output, errors) = Run(PlanFixtures.PathOf("base"), PlanFixtures.PathOf("other-stack"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal("diff: cannot compare plans of different stacks: base is 'production', head is 'staging'\n", errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Unreadable_files_exit_2_naming_each_file()
    {
        var missingBase = PlanFixtures.PathOf("missing-base");
        var missingHead = PlanFixtures.PathOf("missing-head");

        var (exit, output, errors) = Run(missingBase, missingHead);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal(
            $"diff: cannot read plan file '{missingBase}': file not found\ndiff: cannot read plan file '{missingHead}': file not found\n",
            errors.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(new[] { "base.json" }, "diff: expected two plan files")]
    [InlineData(new[] { "a.json", "b.json", "--html" }, "diff: unknown option '--html'")]
    public void Bad_arguments_exit_2_with_the_reason_and_usage(string[] args, string reason)
    {
        var (exit, _, errors) = Run(args);

        Assert.Equal(2, exit);
        Assert.Equal($"{reason}\nusage: diff BASE.json HEAD.json [--markdown]\n", errors.ReplaceLineEndings("\n"));
    }
}
