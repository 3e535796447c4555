using System.Text.RegularExpressions;

namespace Infra.Stacks.Validation;

/// <summary>
/// RDS windows: the daily backup window <c>hh:mm-hh:mm</c> and the weekly maintenance window
/// <c>ddd:hh:mm-ddd:hh:mm</c>, both UTC, as minutes so they can be compared.
/// </summary>
public static partial class MaintenanceWindows
{
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>A window as [Start, End) in minutes; End may pass the day's or week's end.</summary>
    public readonly record struct Span(int Start, int End)
    {
        public int Length => End - Start;
    }

    [GeneratedRegex(@"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")]
    private static partial Regex DailyShape();

    [GeneratedRegex(@"^([a-z]{3}):(\d{2}):(\d{2})-([a-z]{3}):(\d{2}):(\d{2})$")]
    private static partial Regex WeeklyShape();

    public static bool TryParseDaily(string text, out Span span)
    {
        span = default;
        var m = DailyShape().Match(text);
        if (!m.Success || !TryTime(m.Groups[1].Value, m.Groups[2].Value, out var start)
            || !TryTime(m.Groups[3].Value, m.Groups[4].Value, out var end))
            return false;
        span = new Span(start, end > start ? end : end + MinutesPerDay);
        return true;
    }

    public static bool TryParseWeekly(string text, out Span span)
    {
        span = default;
        var m = WeeklyShape().Match(text);
        var startDay = Array.IndexOf(Days, m.Groups[1].Value);
        var endDay = Array.IndexOf(Days, m.Groups[4].Value);
        if (!m.Success || startDay < 0 || endDay < 0
            || !TryTime(m.Groups[2].Value, m.Groups[3].Value, out var startTime)
            || !TryTime(m.Groups[5].Value, m.Groups[6].Value, out var endTime))
            return false;
        var start = startDay * MinutesPerDay + startTime;
        var end = endDay * MinutesPerDay + endTime;
        span = new Span(start, end > start ? end : end + MinutesPerWeek);
        return true;
    }

    /// <summary>Whether the weekly window meets any day's occurrence of the daily window.</summary>
    public static bool Overlap(Span daily, Span weekly)
    {
        // Days -1..7 cover a daily window that started the day before and a weekly one that wraps past Sunday.
        for (var day = -1; day <= 7; day++)
        {
            var start = day * MinutesPerDay + daily.Start;
            var end = day * MinutesPerDay + daily.End;
            if (Intersects(start, end, weekly.Start, weekly.End)
                || Intersects(start, end, weekly.Start - MinutesPerWeek, weekly.End - MinutesPerWeek))
                return true;
        }
        return false;
    }

    private static bool Intersects(int aStart, int aEnd, int bStart, int bEnd) => aStart < bEnd && bStart < aEnd;

    private static bool TryTime(string hours, string minutes, out int total)
    {
        var h = int.Parse(hours);
        var m = int.Parse(minutes);
        total = h * 60 + m;
        return h < 24 && m < 60;
    }
}
