using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// The primary's fence asks every service at once: a region that does not answer then costs one call timeout of the
/// ECS adapter before the promotion, not one per service.
/// </summary>
public class PrimaryFenceTests
{
    private static readonly DrRegionSide Primary = new("eu-west-1", "production-db", "production",
        [new DrService("web", "production-web-blue", 3), new DrService("api", "production-api-blue", 2), new DrService("jobs", "production-jobs-green", 1)]);

    [Fact]
    public async Task Every_service_is_asked_before_any_answers_and_each_silence_is_noted()
    {
        var silent = new SilentServices();
        var steps = new DrSteps(new DrWorld().Ports with { Services = silent }, new DrOptions(RpoTargetSeconds: 30));

        var fencing = steps.FenceBeforePromotion(Primary).Run(CancellationToken.None);

        Assert.Equal(["production-web-blue", "production-api-blue", "production-jobs-green"], silent.Asked.Select(a => a.Service));
        Assert.False(fencing.IsCompleted);
        // What the adapter's call timeout throws (Task.WaitAsync).
        foreach (var (_, answer) in silent.Asked) answer.SetException(new TimeoutException("The operation has timed out."));
        Assert.Equal(
            "production-web-blue not reached (The operation has timed out.); production-api-blue not reached (The operation has timed out.); " +
            "production-jobs-green not reached (The operation has timed out.)",
            await fencing);
    }

    [Fact]
    public void The_fence_before_the_promotion_and_the_one_after_it_have_their_own_names_and_reasons()
    {
        var steps = new DrSteps(new DrWorld().Ports, new DrOptions(RpoTargetSeconds: 30));

        Assert.Equal(
            [
                ("fence-primary-first", "best effort: scale the services in production (eu-west-1) to 0 before the DR database is promoted, so the old primary takes no writes the promoted copy would miss"),
                ("fence-primary", "best effort: scale the services in production (eu-west-1) to 0 so nothing writes to the old primary"),
            ],
            new[] { steps.FenceBeforePromotion(Primary), steps.Fence(Primary) }.Select(s => (s.Name, s.Description)));
    }

    /// <summary>An ECS API that takes every call and answers none until the test says.</summary>
    private sealed class SilentServices : IDrServices
    {
        public List<(string Service, TaskCompletionSource Answer)> Asked { get; } = [];

        public Task ScaleAsync(string region, string cluster, string service, ServiceCapacity capacity, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Asked.Add((service, answer));
            return answer.Task;
        }

        public Task<ServiceCounts?> DescribeAsync(string region, string cluster, string service, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the fence only scales");
    }
}
