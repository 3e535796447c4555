namespace Infra.Runner.Rollout;

/// <summary>The two sides of a blue/green service.</summary>
public enum DeployColor
{
    Blue,
    Green,
}

/// <summary>Helpers that keep the color spelling ("blue"/"green") in one place, as the stack config writes it.</summary>
public static class DeployColors
{
    public static DeployColor Other(this DeployColor color) =>
        color == DeployColor.Blue ? DeployColor.Green : DeployColor.Blue;

    public static string ConfigName(this DeployColor color) =>
        color == DeployColor.Blue ? "blue" : "green";

    /// <summary>Parses a config value; anything but blue or green is an input error naming the value.</summary>
    public static DeployColor Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "blue" => DeployColor.Blue,
        "green" => DeployColor.Green,
        _ => throw new RolloutInputException($"'{value}' is not a color; use blue or green"),
    };
}
