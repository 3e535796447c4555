using System.Globalization;

namespace Infra.Runner.Adapters;

/// <summary>
/// How long one AWS SDK call may take, measured on <paramref name="Time"/>. <see cref="RunAsync{T}"/> hands the SDK a
/// token that is cancelled when the limit passes, so the request itself (and any retry the SDK would start) is
/// abandoned. Only to stop waiting (<c>Task.WaitAsync</c>) would leave it in flight under the SDK's own timeout and
/// retries, and AWS may still act on it, e.g. promote a replica, after the caller has moved on.
/// </summary>
public sealed record SdkCallLimit(TimeSpan Timeout, TimeProvider Time)
{
    /// <summary>A limit on the system clock.</summary>
    public static SdkCallLimit Of(TimeSpan timeout) => new(timeout, TimeProvider.System);

    /// <exception cref="TimeoutException">The limit passed; the request was cancelled.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(Timeout, Time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await call(bounded.Token);
        }
        // Whatever the SDK throws once its request is cancelled (OperationCanceledException, or an I/O error of the
        // aborted connection), the cause is the limit, unless the caller cancelled too.
        catch (Exception error) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"no answer within {Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s; the request was cancelled", error);
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(async t =>
        {
            await call(t);
            return true;
        }, cancellationToken);
}
