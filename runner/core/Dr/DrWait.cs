using Infra.Runner.Drill;

namespace Infra.Runner.Dr;

/// <summary>
/// Polls until a condition holds, under the given clock; running out of time names what was last seen. An API error
/// during a look is seen and looked past (a wait of hours outlives a throttled or timed-out call); a
/// <see cref="DrStepException"/> ends the wait at once.
/// </summary>
internal static class DrWait
{
    public static async Task<T> UntilAsync<T>(
        TimeProvider time, TimeSpan poll, TimeSpan timeout, string what, Func<CancellationToken, Task<(bool Done, T Value, string Seen)>> look,
        CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            string seen;
            try
            {
                (var done, var value, seen) = await look(cancellationToken);
                if (done) return value;
            }
            catch (Exception error) when (error is not DrStepException && error is not OperationCanceledException)
            {
                seen = $"the API did not answer ({error.Message})";
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new DrStepException($"{what} did not happen within {DrillReport.Duration(timeout)}; last seen: {seen}");
            }

            await Task.Delay(poll, time, cancellationToken);
        }
    }
}

/// <summary>A step found AWS in a state it cannot go on from; the message says what it saw.</summary>
public sealed class DrStepException(string message) : Exception(message);
