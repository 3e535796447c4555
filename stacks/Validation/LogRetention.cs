namespace Infra.Stacks.Validation;

/// <summary>The retention periods CloudWatch Logs accepts, for every log group the stack declares.</summary>
public static class LogRetention
{
    /// <summary>In days.</summary>
    public static IReadOnlyList<int> Days { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>What is wrong with <paramref name="days"/> and what is allowed; null when CloudWatch Logs accepts it.</summary>
    public static string? Problem(int days) =>
        Days.Contains(days) ? null : $"{days} is not a CloudWatch Logs retention; allowed {string.Join(", ", Days)}";
}
