using System.Text.Json.Nodes;
using Infra.Runner.Plan;

namespace Infra.Tests.Plan;

/// <summary>The offline plan of the production stack shows the smoke route's rules and secret, and masks the header's value.</summary>
public sealed class SmokeRoutePlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-smoke-route").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_plan_declares_the_preview_rules_and_secret_and_never_shows_the_value_or_where_it_comes_from()
    {
        var file = Path.Combine(_folder, "plan.json");
        var tree = new StringWriter();

        Assert.Equal(0, await PlanCommand.RunAsync(RepoPaths.StackFile("production"), new FileInfo(file), tree, TextWriter.Null));

        var text = await File.ReadAllTextAsync(file);
        var resources = JsonNode.Parse(text)!["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        JsonObject Inputs(string name) => resources.Single(r => (string)r["name"]! == name)["inputs"]!.AsObject();
        foreach (var rule in new[] { "alb-web-preview-rule", "alb-api-preview-rule", "dr-alb-web-preview-rule", "dr-alb-api-preview-rule" })
        {
            var header = Inputs(rule)["conditions"]!.AsArray().Single(c => c!["httpHeader"] is not null)!["httpHeader"]!;
            Assert.Equal(("X-Infra-Preview", "[secret]"), ((string)header["httpHeaderName"]!, (string)header["values"]!));
        }

        Assert.Equal("infra-production-preview-header", (string)Inputs("preview-secret")["name"]!);
        Assert.Equal("[secret]", (string)Inputs("preview-secret-value")["secretString"]!);
        Assert.Contains("random:index/randomPassword:RandomPassword preview-value", tree.ToString());
        Assert.DoesNotContain("preview-value.result", text + tree);
    }
}
