using Infra.Runner.Plan;
using Infra.Runner.PlanDiff;

namespace Infra.Tests.Plan;

/// <summary>
/// The pull-request review path end to end: plans of two settings variants of the production stack, diffed to the
/// Markdown a pull request shows. Dangerous changes must be flagged exactly for the dangerous variants.
/// </summary>
public sealed class PlanDiffOfStacksTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-diff").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ExpectedFile => Path.Combine(RepoPaths.Root, "tests", "Infra.Tests", "Plan", "Expected", "production-variants.md");

    [Fact]
    public async Task Weights_image_replica_and_retention_changes_render_the_expected_markdown()
    {
        var head = await PlanVariantAsync(
            ("        blue: 100\n        green: 0\n", "        blue: 90\n        green: 10\n"),
            ("web:1.5.0", "web:1.6.0"),
            // No replica: the pilot light and DNS failover, which need it, go too.
            ("    replica: true\n    promote: false\n    pilotLight: true\n", "    replica: false\n    promote: false\n    pilotLight: false\n"),
            ("    replicatedRepositories: [web, api]\n", ""),
            ("    dns:\n      zoneId: Z0123456789ABCDEFGHIJ\n      name: app.example.com\n", ""),
            ("    backupRetentionDays: 14\n", "    backupRetentionDays: 21\n"));
        var basePlan = await PlanVariantAsync();

        var diff = PlanDiffer.CompareJson(basePlan, head);
        var markdown = MarkdownReport.Render(diff);

        Assert.Equal((await File.ReadAllTextAsync(ExpectedFile)).ReplaceLineEndings("\n"), markdown.ReplaceLineEndings("\n"));
        Assert.Contains(diff.Dangers, d => d.Title == "weights changed outside the runner" && d.Name == "alb-https");
        Assert.Contains(diff.Dangers, d => d.Title == "removal of protected stateful resource" && d.Name == "db-dr-replica");
        Assert.Contains(diff.Dangers, d => d.Name == "db-primary");
        // The ledger loses its replica with dr.replica: flagged, since failover would find no ledger in the DR region.
        Assert.Contains(diff.Dangers, d => d.Title == "protected stateful resource change (in place, no replacement)" && d.Name == "ledger-table");
        Assert.DoesNotContain(diff.Dangers, d => d.Type == "aws:ecs/taskDefinition:TaskDefinition");
    }

    [Fact]
    public async Task The_same_settings_plan_to_no_changes()
    {
        var first = await PlanVariantAsync();
        var second = await PlanVariantAsync();

        Assert.False(PlanDiffer.CompareJson(first, second).HasChanges);
    }

    /// <summary>Plans the production stack file with each replacement applied (each must match the file once).</summary>
    private async Task<string> PlanVariantAsync(params (string From, string To)[] replacements)
    {
        var path = Path.Combine(_folder, "Pulumi.production.yaml");
        var text = await File.ReadAllTextAsync(RepoPaths.StackFile("production"));
        foreach (var (from, to) in replacements)
        {
            var at = text.IndexOf(from, StringComparison.Ordinal);
            Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once in the stack file");
            text = text.Replace(from, to);
        }
        await File.WriteAllTextAsync(path, text);
        var result = await PlanBuilder.BuildAsync(path);
        return PlanCommand.Serialize(result.Document);
    }
}
