using Infra.Stacks.Settings;

namespace Infra.Stacks.Release;

/// <summary>
/// What one blue/green service runs: which color is live, the traffic weight of each color (summing to 100),
/// the image of each color (null for a color that never ran one) and whether each color has tasks.
/// </summary>
public sealed record ServiceRelease(Color LiveColor, ColorPair<int> Weights, ColorPair<string?> Image, ColorPair<bool> Running);
