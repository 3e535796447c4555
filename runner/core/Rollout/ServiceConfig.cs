namespace Infra.Runner.Rollout;

/// <summary>One color's config: its image (null before the first deploy to it) and whether it runs tasks or is scaled to zero.</summary>
public sealed record ColorConfig(string? Image, bool Running);

/// <summary>A service's blue/green state as stack config holds it.</summary>
public sealed record ServiceConfig(string Name, DeployColor LiveColor, TrafficWeights Weights, ColorConfig Blue, ColorConfig Green)
{
    public ColorConfig Of(DeployColor color) => color == DeployColor.Blue ? Blue : Green;
}
