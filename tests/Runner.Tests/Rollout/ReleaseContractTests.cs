using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// Every release the runner hands to an update passes the program's own settings validation, so no update the runner
/// starts can fail in the program (which the CLI runs on every update) because of what the runner recorded.
/// </summary>
public class ReleaseContractTests
{
    /// <summary>The registry the repository's staging stack allows.</summary>
    private const string Ecr = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

    public static TheoryData<string> Scenarios => ["released", "smoke check failed", "gate tripped at 50%", "released, then rolled back"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_release_an_update_declares_is_valid_for_the_program(string scenario)
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { Blue = new ColorConfig($"{Ecr}/web:1.4.2", true) });
        switch (scenario)
        {
            case "smoke check failed":
                harness.SmokeResult = _ => new SmokeCheckResult(false, "503");
                break;
            case "gate tripped at 50%":
                harness.AlarmState = (name, _) => name.EndsWith("green-5xx", StringComparison.Ordinal) && harness.TrafficUpdates.Count() == 2
                    ? AlarmState.Alarm
                    : AlarmState.Ok;
                break;
        }

        await harness.Engine.DeployAsync(RolloutHarness.Plan($"web={Ecr}/web:1.6.0"));
        if (scenario == "released, then rolled back") await harness.Engine.RollbackAsync();

        var settings = StackSettingsLoader.FromFile(RepoFiles.StackFile("staging")).GetValidOrThrow();
        Assert.NotEmpty(harness.Updates);
        Assert.All(harness.Updates, update =>
        {
            var declared = ReleaseOverlay.Apply(settings, Release(update.Declared["web"]), "release ledger");
            Assert.True(declared.IsValid, string.Join("; ", declared.Errors));
        });
    }

    private static ReleaseState Release(ServiceConfig config) => ReleaseState.Empty.With(config.Name, new ServiceRelease(
        config.LiveColor == DeployColor.Blue ? Color.Blue : Color.Green,
        new ColorPair<int>(config.Weights.Blue, config.Weights.Green),
        new ColorPair<string?>(config.Blue.Image, config.Green.Image),
        new ColorPair<bool>(config.Blue.Running, config.Green.Running)));
}
