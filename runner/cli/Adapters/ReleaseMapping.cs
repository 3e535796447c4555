using Infra.Runner.Rollout;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Runner.Adapters;

/// <summary>Between the ledger's release model (shared with the program) and the rollout engine's own small types.</summary>
public static class ReleaseMapping
{
    public static ServiceConfig ToConfig(string service, ServiceRelease release) => new(
        service,
        ToDeployColor(release.LiveColor),
        new TrafficWeights(release.Weights.Blue, release.Weights.Green),
        new ColorConfig(release.Image.Blue, release.Running.Blue),
        new ColorConfig(release.Image.Green, release.Running.Green));

    public static Color ToColor(DeployColor color) => color == DeployColor.Blue ? Color.Blue : Color.Green;

    public static DeployColor ToDeployColor(Color color) => color == Color.Blue ? DeployColor.Blue : DeployColor.Green;

    public static ColorPair<int> ToWeights(TrafficWeights weights) => new(weights.Blue, weights.Green);

    /// <summary>The stack file's services as the release they seed before the ledger has one.</summary>
    public static ReleaseState Seed(StackSettings settings) => settings.Services.Aggregate(ReleaseState.Empty,
        (state, service) => state.With(service.Name, new ServiceRelease(service.LiveColor, service.Weights, service.Image, service.Running)));
}
