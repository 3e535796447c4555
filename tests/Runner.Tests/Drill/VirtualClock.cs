namespace Runner.Tests.Drill;

/// <summary>
/// A clock for code that runs flows side by side (the marker writer beside failover): <see cref="Run{T}"/> runs the
/// code on the test's thread with a queue of its own, and moves time only when every flow waits on a timer, to the
/// earliest due time (ties in the order the timers were made). So a writer ticking once a second and a failover polling
/// every 15 s interleave the same way on every run, and an hour of drill costs no real time. Code under test that waits
/// on anything but this clock (real I/O) would leave nothing to fire; <see cref="Run{T}"/> then says so. Timers are
/// one-shot, as <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> makes them.
/// </summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private readonly List<Timer> timers = [];
    private DateTimeOffset now = start;
    private long made;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Runs <paramref name="body"/> to its end, firing timers in due order whenever nothing else can run.</summary>
    public T Run<T>(Func<Task<T>> body)
    {
        var previous = SynchronizationContext.Current;
        var queue = new Queue();
        SynchronizationContext.SetSynchronizationContext(queue);
        try
        {
            var task = body();
            while (true)
            {
                queue.RunAll();
                if (task.IsCompleted) return task.GetAwaiter().GetResult();
                if (!FireNext()) throw new InvalidOperationException("the code under test waits on something other than the clock");
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private bool FireNext()
    {
        Timer next;
        lock (gate)
        {
            if (timers.Count == 0) return false;
            next = timers.MinBy(t => (t.Due, t.Order))!;
            timers.Remove(next);
            if (next.Due > now) now = next.Due;
        }

        next.Fire();
        return true;
    }

    private sealed class Timer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; private set; }

        public long Order { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                (Due, Order) = (clock.now + dueTime, clock.made++);
                clock.timers.Add(this);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Continuations of the code under test, run one after another on the test's thread.</summary>
    private sealed class Queue : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> pending = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (pending) pending.Enqueue((d, state));
        }

        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public void RunAll()
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (pending)
                {
                    if (!pending.TryDequeue(out next)) return;
                }

                next.Callback(next.State);
            }
        }
    }
}
