namespace Infra.Stacks.Settings;

/// <summary>One value per color, e.g. the image or the traffic weight of blue and green.</summary>
public sealed record ColorPair<T>(T Blue, T Green)
{
    public T this[Color color] => color == Color.Blue ? Blue : Green;

    /// <summary>A copy with <paramref name="color"/>'s value replaced.</summary>
    public ColorPair<T> With(Color color, T value) =>
        color == Color.Blue ? this with { Blue = value } : this with { Green = value };
}
