using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Infra.Tests.Support;

namespace Infra.Tests.Components.Traffic;

public sealed class PreviewSecretTests
{
    private const string Password = "random:index/randomPassword:RandomPassword";
    private const string Secret = "aws:secretsmanager/secret:Secret";
    private const string Version = "aws:secretsmanager/secretVersion:SecretVersion";

    private static Task<ComponentPlan> PlanAsync(StackSettings settings) =>
        ComponentPlan.RunAsync(() => new PreviewSecret("preview", settings), settings.StackName);

    [Fact]
    public async Task The_value_is_a_generated_password_without_wildcards_or_case_the_header_match_ignores()
    {
        var plan = await PlanAsync(TrafficStacks.Production);

        var password = plan.Inputs(Password, "preview-value");
        Assert.Equal((40L, false, false), ((long)password["length"]!, (bool)password["special"]!, (bool)password["upper"]!));
    }

    [Fact]
    public async Task One_secret_holds_the_value_kept_secret_in_the_plan()
    {
        var plan = await PlanAsync(TrafficStacks.Production);

        var secret = plan.Inputs(Secret, "preview-secret");
        Assert.Equal("infra-production-preview-header", (string)secret["name"]!);
        Assert.Equal("alias/aws/secretsmanager", (string)secret["kmsKeyId"]!);
        Assert.Equal(30L, (long)secret["recoveryWindowInDays"]!);
        var version = plan.Inputs(Version, "preview-secret-value");
        Assert.Equal(ComponentPlan.Token(Secret, "preview-secret", "arn"), (string)version["secretId"]!);
        Assert.Equal("[secret]", (string)version["secretString"]!);
        Assert.Single(plan.OfType(Secret));
    }

    [Fact]
    public async Task With_a_pilot_light_the_secret_is_replicated_to_the_dr_region_and_staging_deletes_it_at_once()
    {
        var production = await PlanAsync(TrafficStacks.Production);
        var staging = await PlanAsync(TrafficStacks.StagingWith(TrafficStacks.WebService()));

        Assert.Equal("eu-central-1", (string)production.Inputs(Secret, "preview-secret")["replicas"]![0]!["region"]!);
        Assert.Equal(0L, (long)staging.Inputs(Secret, "preview-secret")["recoveryWindowInDays"]!);
        Assert.True(staging.Inputs(Secret, "preview-secret")["replicas"] is null or System.Text.Json.Nodes.JsonArray { Count: 0 });
    }
}
