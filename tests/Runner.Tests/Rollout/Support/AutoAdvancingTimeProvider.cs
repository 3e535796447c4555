namespace Runner.Tests.Rollout.Support;

/// <summary>
/// A clock for tests: each timer moves the clock to its due time and fires at once, so a five-minute bake costs no
/// real time. Ordering stays deterministic because the engine awaits one wait at a time.
/// </summary>
internal sealed class AutoAdvancingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now = start;

    /// <summary>Every wait the code under test asked for, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            Waits.Add(dueTime);
            now += dueTime;
        }

        // Fire after CreateTimer returns, as a real timer would.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
