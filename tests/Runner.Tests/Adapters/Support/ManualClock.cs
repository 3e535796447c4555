namespace Runner.Tests.Adapters.Support;

/// <summary>A clock whose timers fire only when the test says time has run out (<see cref="RunOut"/>): a timeout without waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> timers = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (timers) timers.Add((callback, state));
        return new Timer();
    }

    /// <summary>Fires every timer created so far.</summary>
    public void RunOut()
    {
        List<(TimerCallback Callback, object? State)> due;
        lock (timers) due = [.. timers];
        foreach (var (callback, state) in due) callback(state);
    }

    private sealed class Timer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
