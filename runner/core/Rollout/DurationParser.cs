using System.Text.RegularExpressions;

namespace Infra.Runner.Rollout;

/// <summary>Durations as operators type them: 90s, 5m, 1h, or combined as 1h30m.</summary>
public static partial class DurationParser
{
    [GeneratedRegex(@"^(?:(\d{1,5})h)?(?:(\d{1,5})m)?(?:(\d{1,6})s)?$")]
    private static partial Regex DurationPattern();

    /// <param name="option">The option name used in the error message, e.g. <c>--bake</c>.</param>
    public static TimeSpan Parse(string option, string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (text.Trim().Length == 0 || !match.Success)
        {
            throw new RolloutInputException($"{option}: '{text}' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h");
        }

        return TimeSpan.FromHours(Part(match, 1)) + TimeSpan.FromMinutes(Part(match, 2)) + TimeSpan.FromSeconds(Part(match, 3));
    }

    private static int Part(Match match, int group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
