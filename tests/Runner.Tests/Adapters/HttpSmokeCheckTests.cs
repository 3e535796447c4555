using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;
using TestSupport;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Adapters;

public class HttpSmokeCheckTests
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);
    private readonly AutoAdvancingTimeProvider time = new(RolloutHarness.Start);
    private readonly HttpClient client = new();

    [Fact]
    public async Task Passes_after_the_required_2xx_answers_in_a_row()
    {
        await using var server = new LoopbackHttpServer(500, 200, 204, 200);

        var result = await Check(server, successes: 3, timeout: TimeSpan.FromMinutes(1));

        Assert.Equal(new SmokeCheckResult(true, "3 x 2xx in a row after 4 request(s) in 6s"), result);
        Assert.All(server.Requests, r => Assert.Equal(("GET", "/health"), (r.Method, r.Path)));
    }

    [Fact]
    public async Task A_failed_answer_starts_the_count_again()
    {
        await using var server = new LoopbackHttpServer(200, 200, 503, 200, 200, 200);

        var result = await Check(server, successes: 3, timeout: TimeSpan.FromMinutes(1));

        Assert.Equal(new SmokeCheckResult(true, "3 x 2xx in a row after 6 request(s) in 10s"), result);
    }

    [Fact]
    public async Task Fails_when_the_timeout_runs_out_and_lists_the_last_answers()
    {
        await using var server = new LoopbackHttpServer(200, 503);

        var result = await Check(server, successes: 3, timeout: TimeSpan.FromSeconds(10));

        Assert.Equal(new SmokeCheckResult(false, "no 3 x 2xx in a row within 10s (6 request(s)); last answers: 503, 503, 503, 503, 503"), result);
        Assert.Equal(6, server.Requests.Count);
        Assert.Equal(RolloutHarness.Start + TimeSpan.FromSeconds(10), time.GetUtcNow());
    }

    [Fact]
    public async Task A_refused_connection_is_a_failed_answer_not_a_crash()
    {
        using var closed = new ClosedLoopbackPort();
        var url = closed.Url("/health").ToString();

        var result = await new HttpSmokeCheck(client, time, Retry)
            .RunAsync(new SmokeTarget(url, null), new SmokeCheckSettings("/health", 1, TimeSpan.FromSeconds(3)), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.StartsWith("no 1 x 2xx in a row within 3s (2 request(s)); last answers: error (", result.Detail);
    }

    private Task<SmokeCheckResult> Check(LoopbackHttpServer server, int successes, TimeSpan timeout) =>
        new HttpSmokeCheck(client, time, Retry).RunAsync(
            new SmokeTarget(server.Url("/health").ToString(), null), new SmokeCheckSettings("/health", successes, timeout), CancellationToken.None);
}
