using System.Text.Json.Nodes;
using Infra.Runner.Plan;

namespace Infra.Tests.Plan;

public sealed class PlanCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-tests").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task The_same_stack_file_plans_to_byte_identical_json(string stack)
    {
        var first = Path.Combine(_folder, "first.json");
        var second = Path.Combine(_folder, "second.json");

        Assert.Equal(0, await PlanCommand.RunAsync(RepoPaths.StackFile(stack), new FileInfo(first), TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, await PlanCommand.RunAsync(RepoPaths.StackFile(stack), new FileInfo(second), TextWriter.Null, TextWriter.Null));

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }

    [Fact]
    public async Task The_plan_json_follows_the_contract()
    {
        var file = Path.Combine(_folder, "plan.json");
        await PlanCommand.RunAsync(RepoPaths.StackFile("staging"), new FileInfo(file), TextWriter.Null, TextWriter.Null);

        var plan = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        Assert.Equal(new[] { "project", "stack", "flavor", "resources", "outputs" }, plan.Select(p => p.Key));
        Assert.Equal("infra", (string)plan["project"]!);
        Assert.Equal("staging", (string)plan["stack"]!);
        Assert.Contains((string)plan["flavor"]!, new[] { "offline", "real" });
        var stack = plan["resources"]!.AsArray().Single(r => (string)r!["type"]! == "pulumi:pulumi:Stack")!.AsObject();
        Assert.Equal(
            new[] { "urn", "type", "name", "custom", "parent", "provider", "protect", "retainOnDelete", "ignoreChanges", "dependsOn", "inputs" },
            stack.Select(p => p.Key));
        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging", (string)stack["urn"]!);
        Assert.Null(stack["parent"]);
        Assert.Equal("staging", (string)plan["outputs"]!["environment"]!);
    }

    [Fact]
    public async Task The_tree_lists_every_resource_then_the_count()
    {
        var output = new StringWriter();

        await PlanCommand.RunAsync(RepoPaths.StackFile("staging"), null, output, TextWriter.Null);

        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal("pulumi:pulumi:Stack infra-staging", lines[0].TrimEnd());
        Assert.Matches(@"^\d+ resources in stack staging \((offline|real) SDK\)$", lines[^1].TrimEnd());
    }

    [Fact]
    public async Task A_stack_file_with_three_mistakes_exits_2_with_three_messages_and_writes_nothing()
    {
        var stackFile = Path.Combine(_folder, "Pulumi.broken.yaml");
        await File.WriteAllTextAsync(stackFile, """
            config:
              aws:region: eu-west-1
              infra:environment: staging
              infra:services:
                web:
                  image: { blue: "registry.example/web:1.0", green: "registry.example/web:1.1" }
                  weights: { blue: 70, green: 20 }
              infra:database:
                backupRetentionDays: 40
              infra:rollout:
                steps: [50, 20, 100]
            """);
        var json = new FileInfo(Path.Combine(_folder, "broken.json"));
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await PlanCommand.RunAsync(stackFile, json, output, errors);

        Assert.Equal(2, exit);
        Assert.False(json.Exists);
        Assert.Equal("", output.ToString());
        var messages = errors.ToString().TrimEnd().Split('\n').Select(m => m.TrimEnd()).ToArray();
        Assert.Equal(
            new[]
            {
                "Pulumi.broken.yaml: infra:services.web.weights: blue 70 + green 20 = 90, weights must sum to 100",
                "Pulumi.broken.yaml: infra:database.backupRetentionDays: 40 is out of range; allowed 1 to 35",
                "Pulumi.broken.yaml: infra:rollout.steps[1]: 20 does not follow 50; steps must be strictly increasing",
            },
            messages);
    }

    [Fact]
    public async Task A_stack_file_given_with_stack_file_keeps_the_stack_name_and_its_physical_names()
    {
        var copy = Path.Combine(_folder, "candidate.yaml");
        File.Copy(RepoPaths.StackFile("staging"), copy);
        var file = Path.Combine(_folder, "plan.json");

        Assert.Equal(0, await PlanCommand.RunAsync(copy, new FileInfo(file), TextWriter.Null, TextWriter.Null, stackName: "staging"));

        var plan = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        Assert.Equal("staging", (string)plan["stack"]!);
        var urns = plan["resources"]!.AsArray().Select(r => (string)r!["urn"]!).ToList();
        Assert.Contains("urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging", urns);
        Assert.DoesNotContain(urns, urn => urn.Contains("candidate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("config:\n  infra:environment: [staging\n",
        "Pulumi.staging.yaml: line 2, column 22: not valid YAML: the [ opened here is not closed; close it with ]")]
    [InlineData("config:\n  aws:region: eu-west-1\n\t infra:environment: staging\n",
        "Pulumi.staging.yaml: line 3, column 1: not valid YAML: a tab in the indentation; YAML indents with spaces only")]
    public async Task Yaml_syntax_errors_exit_2_with_their_line_and_column(string yaml, string message)
    {
        var stackFile = Path.Combine(_folder, "Pulumi.staging.yaml");
        await File.WriteAllTextAsync(stackFile, yaml);
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await PlanCommand.RunAsync(stackFile, null, output, errors);

        Assert.Equal(2, exit);
        Assert.Equal("", output.ToString());
        Assert.Equal(message, errors.ToString().TrimEnd());
    }
}
