namespace Infra.Runner.Rollout;

/// <summary>
/// Another update holding the stack (a human <c>pulumi up</c>, a refresh) usually ends within a minute; a step waits
/// that out with backoff before it counts the busy stack as a failure that rolls the release back.
/// </summary>
internal static class BusyRetry
{
    /// <summary>Waits between attempts; the last busy answer after these is rethrown.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    public static async Task RunAsync(
        Func<Task> action, TimeProvider time, Func<int, TimeSpan, Task> onRetry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (StackBusyException) when (attempt < Backoff.Count)
            {
                await onRetry(attempt + 1, Backoff[attempt]);
                await Task.Delay(Backoff[attempt], time, cancellationToken);
            }
        }
    }
}
