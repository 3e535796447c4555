namespace Rollout.Bench;

/// <summary>
/// Simulated time: every timer jumps the clock to its due time and fires on the thread pool, so hours of bake cost
/// microseconds. The engine awaits one wait at a time, which keeps a run deterministic.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate) now += dueTime;
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new SpentTimer();
    }

    private sealed class SpentTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
