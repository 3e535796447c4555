using Infra.Runner.Rollout;

namespace Runner.Tests.Rollout;

public class RolloutPlanParserTests
{
    [Fact]
    public void Defaults_give_steps_10_50_100_a_5_minute_bake_a_10_second_interval_and_a_15_minute_termination_wait()
    {
        var plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=registry/web:2", "api"] });

        Assert.Equal([new ServiceRequest("web", "registry/web:2"), new ServiceRequest("api", null)], plan.Services);
        Assert.Equal([10, 50, 100], plan.Steps);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Bake);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.PollInterval);
        Assert.Equal(new SmokeCheckSettings(null, 3, TimeSpan.FromMinutes(2)), plan.Smoke);
        Assert.Equal(TimeSpan.FromMinutes(15), plan.TerminationWait);
        Assert.Equal(InsufficientDataPolicy.Ok, plan.InsufficientData);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("0s", 0)]
    public void Durations_accept_seconds_minutes_and_hours(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse("--bake", text));
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("-5m")]
    [InlineData("1.5m")]
    public void A_malformed_duration_names_the_option_and_the_value(string text)
    {
        var error = Assert.Throws<RolloutInputException>(() => DurationParser.Parse("--bake", text));

        Assert.Equal($"--bake: '{text}' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h", error.Message);
    }

    [Theory]
    [InlineData("5,20,100", new[] { 5, 20, 100 })]
    [InlineData("100", new[] { 100 })]
    [InlineData(" 25 , 100 ", new[] { 25, 100 })]
    public void Steps_parse_as_increasing_percentages(string text, int[] expected)
    {
        Assert.Equal(expected, RolloutPlanParser.ParseSteps(text).Steps);
    }

    [Fact]
    public void Pauses_parse_between_steps_with_an_optional_timeout()
    {
        var (steps, pauses) = RolloutPlanParser.ParseSteps("10, pause, 25,pause:1h30m,50,100");

        Assert.Equal([10, 25, 50, 100], steps);
        Assert.Equal([new RolloutPause(0, null), new RolloutPause(1, TimeSpan.FromMinutes(90))], pauses);
    }

    [Theory]
    [InlineData("", "--steps must list at least one percentage, e.g. 10,50,100")]
    [InlineData("10,abc,100", "--steps: 'abc' is not a whole number or a pause")]
    [InlineData("10,,100", "--steps: '' is not a whole number or a pause")]
    [InlineData("pause,50,100", "--steps: a pause must follow a step that moved traffic, e.g. 10,pause,50,100")]
    [InlineData("10,pause,pause:5m,100", "--steps: 'pause:5m' follows another pause; put one pause between two steps")]
    [InlineData("10,100,pause", "--steps: a pause cannot be last; after 100 the termination wait keeps the old colors up, e.g. 10,pause,50,100")]
    [InlineData("10,pause:30s,100", "--steps: 'pause:30s' is out of range; a pause's timeout is 1m to 24h")]
    [InlineData("10,pause:25h,100", "--steps: 'pause:25h' is out of range; a pause's timeout is 1m to 24h")]
    [InlineData("10,pause:soon,100", "--steps: 'soon' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h")]
    [InlineData("10,pauses,100", "--steps: 'pauses' is not a pause; use pause, or pause:DURATION such as pause:30m")]
    [InlineData("0,100", "--steps: 0 is out of range; each step is a percentage from 1 to 100")]
    [InlineData("10,150", "--steps: 150 is out of range; each step is a percentage from 1 to 100")]
    [InlineData("50,50,100", "--steps must increase: 50 follows 50")]
    [InlineData("50,10,100", "--steps must increase: 10 follows 50")]
    [InlineData("10,50", "--steps must end at 100, got 50")]
    public void Bad_steps_are_rejected_with_the_reason(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<RolloutInputException>(() => RolloutPlanParser.ParseSteps(text)).Message);
    }

    public static TheoryData<RolloutArguments, string> BadArguments => new()
    {
        { new RolloutArguments(), "deploy needs at least one --service, e.g. --service web=IMAGE" },
        { new RolloutArguments { Services = ["=img:1"] }, "--service '=img:1': the service name is empty" },
        { new RolloutArguments { Services = ["web="] }, "--service 'web=': the image is empty; use web=IMAGE, or just web to redeploy its current image" },
        { new RolloutArguments { Services = ["web=a:1", "web=a:2"] }, "--service web is given twice" },
        { new RolloutArguments { Services = ["web"], Interval = "0s" }, "--interval must be greater than zero" },
        { new RolloutArguments { Services = ["web"], Bake = "0s" }, "--bake 0s is out of range; allowed more than 0s" },
        { new RolloutArguments { Services = ["web"], Bake = "2m", Interval = "3m" }, "--interval 3m is out of range; allowed more than 0s up to the bake (2m)" },
        {
            new RolloutArguments { Services = ["web"], Bake = "2m", MinimumBake = new BakeFloor(TimeSpan.FromMinutes(4), "the colorResponseTimeP99 gate alarm evaluates 3 periods of 60 s; a bake needs that window plus one period") },
            "--bake 2m is out of range; allowed 4m or more (the colorResponseTimeP99 gate alarm evaluates 3 periods of 60 s; a bake needs that window plus one period)"
        },
        { new RolloutArguments { Services = ["web"], Bake = "0s", MinimumBake = new BakeFloor(TimeSpan.FromMinutes(1), null) }, "--bake 0s is out of range; allowed 1m or more" },
        { new RolloutArguments { Services = ["web"], Interval = "soon" }, "--interval: 'soon' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h" },
        { new RolloutArguments { Services = ["web"], SmokeTimeout = "0m" }, "--smoke-timeout must be greater than zero" },
        { new RolloutArguments { Services = ["web"], SmokePath = "health" }, "--smoke must be a path starting with '/', got 'health'" },
        { new RolloutArguments { Services = ["web"], SmokeSuccesses = 0 }, "--smoke-successes must be at least 1, got 0" },
        { new RolloutArguments { Services = ["web"], TerminationWait = "forever" }, "--termination-wait: 'forever' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h" },
        { new RolloutArguments { Services = ["web"], InsufficientData = "maybe" }, "--insufficient-data must be ok or fail, got 'maybe'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_map_to_exit_code_2_with_the_reason(RolloutArguments arguments, string message)
    {
        var error = Assert.Throws<RolloutInputException>(() => RolloutPlanParser.Parse(arguments));
        var result = RolloutResult.BadInput(error);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Message);
    }
}
