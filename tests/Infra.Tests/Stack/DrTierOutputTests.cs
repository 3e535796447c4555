using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>
/// What the runner targets to bring the DR region's copies along after a release or rollback: each service's
/// <c>drTier</c> names the pilot light's copies of exactly the resources the primary's entry names.
/// </summary>
public sealed class DrTierOutputTests
{
    [Fact]
    public async Task Each_service_exports_the_urns_of_its_dr_copy_task_definitions_services_scaling_targets_and_routes()
    {
        var plan = await ComponentPlan.OfStackFileAsync(RepoPaths.StackFile("production"));

        foreach (var name in new[] { "web", "api" })
        {
            var service = plan.Outputs["services"]![name]!;
            var dr = service["drTier"]!;
            Assert.Equal(DrCopy((string)service["trafficUrns"]![0]!), (string)dr["trafficUrns"]!.AsArray().Single()!);
            Assert.Equal(DrCopy((string)service["testRouteUrn"]!), (string)dr["testRouteUrn"]!);
            Assert.Equal(DrCopy((string)service["previewRouteUrn"]!), (string)dr["previewRouteUrn"]!);
            foreach (var color in new[] { "blue", "green" })
            {
                foreach (var key in new[] { "taskDefinitionUrn", "serviceUrn", "scalingTargetUrn" })
                {
                    Assert.Equal(DrCopy((string)service[color]![key]!), (string)dr[color]![key]!);
                }
            }

            Assert.All(dr.AsObject().Where(p => p.Key.EndsWith("Urn", StringComparison.Ordinal)), p => Assert.Contains((string)p.Value!, plan.Urns));
        }

        Assert.Equal(plan.Urn("aws:ecs/taskDefinition:TaskDefinition", "dr-web-green-taskdef"),
            (string)plan.Outputs["services"]!["web"]!["drTier"]!["green"]!["taskDefinitionUrn"]!);
    }

    [Fact]
    public async Task Without_a_pilot_light_no_service_exports_a_dr_copy()
    {
        var folder = Directory.CreateTempSubdirectory("dr-tier").FullName;
        try
        {
            var path = Path.Combine(folder, "Pulumi.production.yaml");
            var text = await File.ReadAllTextAsync(RepoPaths.StackFile("production"));
            // A replica alone: the DR copies of the repositories and DNS failover need the pilot light, so they go too.
            text = text.Replace("    replica: true\n    promote: false\n    pilotLight: true\n", "    replica: true\n    promote: false\n    pilotLight: false\n")
                .Replace("    replicatedRepositories: [web, api]\n", "")
                .Replace("    dns:\n      zoneId: Z0123456789ABCDEFGHIJ\n      name: app.example.com\n", "");
            await File.WriteAllTextAsync(path, text);

            var plan = await ComponentPlan.OfStackFileAsync(path);

            var services = plan.Outputs["services"]!.AsObject();
            Assert.Equal(["api", "web"], services.Select(s => s.Key).Order(StringComparer.Ordinal));
            Assert.All(services, s => Assert.Null(s.Value!["drTier"]));
            Assert.Null(plan.Outputs["dr"]!["dr"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The DR region's copy of a primary resource: the same type chain, its name prefixed <c>dr-</c>.</summary>
    private static string DrCopy(string urn)
    {
        var name = urn.LastIndexOf("::", StringComparison.Ordinal) + 2;
        return $"{urn[..name]}dr-{urn[name..]}";
    }
}
