using Infra.Stacks.Binding;
using Infra.Stacks.Loading;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Tests;

public class PureHelpersTests
{
    [Theory]
    [InlineData("imgae", "image")]
    [InlineData("Image", "image")]
    [InlineData("cpuu", "cpu")]
    [InlineData("backupRetentionDay", "backupRetentionDays")]
    public void Did_you_mean_finds_the_close_key(string typed, string expected) =>
        Assert.Equal(expected, DidYouMean.Closest(typed, ["image", "cpu", "memory", "backupRetentionDays"]));

    [Fact]
    public void Did_you_mean_suggests_nothing_far_away() =>
        Assert.Null(DidYouMean.Closest("failover", ["dns", "replica", "promote", "pilotLight"]));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Levenshtein_distance(string a, string b, int distance) => Assert.Equal(distance, DidYouMean.Distance(a, b));

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 2048, true)]
    [InlineData(256, 3072, false)]
    [InlineData(512, 4096, true)]
    [InlineData(1024, 1024, false)]
    [InlineData(4096, 30720, true)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 18432, false)]
    [InlineData(16384, 122880, true)]
    [InlineData(300, 1024, false)]
    public void Fargate_pairs(int cpu, int memory, bool valid) => Assert.Equal(valid, FargateSizes.IsValidPair(cpu, memory));

    [Theory]
    [InlineData("02:00-03:00", "sun:04:00-sun:05:00", false)]
    [InlineData("02:00-03:00", "wed:02:59-wed:04:00", true)]
    [InlineData("23:30-00:30", "mon:00:00-mon:01:00", true)]
    [InlineData("00:00-00:30", "sun:23:00-mon:00:10", true)]
    [InlineData("03:00-04:00", "sun:23:00-mon:00:10", false)]
    [InlineData("02:00-03:00", "mon:03:00-mon:04:00", false)]
    public void Backup_and_maintenance_window_overlap(string daily, string weekly, bool overlap)
    {
        Assert.True(MaintenanceWindows.TryParseDaily(daily, out var d));
        Assert.True(MaintenanceWindows.TryParseWeekly(weekly, out var w));
        Assert.Equal(overlap, MaintenanceWindows.Overlap(d, w));
    }

    [Theory]
    [InlineData("24:00-01:00")]
    [InlineData("02:60-03:00")]
    [InlineData("2:00-3:00")]
    public void Malformed_daily_windows(string text) => Assert.False(MaintenanceWindows.TryParseDaily(text, out _));

    [Theory]
    [InlineData("sun:04:00-sun:05:00", true)]
    [InlineData("sunday:04:00-sunday:05:00", false)]
    [InlineData("xyz:04:00-sun:05:00", false)]
    public void Weekly_windows(string text, bool valid) => Assert.Equal(valid, MaintenanceWindows.TryParseWeekly(text, out _));

    [Theory]
    [InlineData("10.0.0.0/16", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0/16", false)]
    [InlineData("::/0", false)]
    [InlineData("10.0.0.0", false)]
    public void Cidr_blocks(string text, bool valid) => Assert.Equal(valid, Cidr.TryParse(text, out _));

    [Theory]
    [InlineData("2026-11-20T08:00:00Z", true)]
    [InlineData("2026-11-20T08:00:00.123+02:00", true)]
    [InlineData("2026-11-20T08:00Z", true)]
    [InlineData("2026-11-20T08:00:00", false)]
    [InlineData("2026-13-20T08:00:00Z", false)]
    public void Iso_timestamps_need_an_offset(string text, bool valid) => Assert.Equal(valid, IsoTimestamp.TryParse(text, out _));
}
