namespace Infra.Runner.Rollout;

/// <summary>Production listener weights of one service; they always sum to 100.</summary>
public readonly record struct TrafficWeights(int Blue, int Green)
{
    /// <summary>All traffic on one color: the resting state and the rollback target.</summary>
    public static TrafficWeights AllTo(DeployColor color) => Shifted(color, 100);

    /// <summary><paramref name="percent"/> on <paramref name="target"/>, the rest on the other color.</summary>
    public static TrafficWeights Shifted(DeployColor target, int percent) =>
        target == DeployColor.Blue ? new(percent, 100 - percent) : new(100 - percent, percent);

    public override string ToString() => $"blue={Blue} green={Green}";
}
