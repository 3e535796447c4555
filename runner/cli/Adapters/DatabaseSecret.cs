namespace Infra.Runner.Adapters;

/// <summary>
/// The stack's database secret (<c>database.secretArn</c>, the master credentials), read on first use, kept once read,
/// and never logged: the drill's marker rows and fail-back's WAL positions connect with it. A read that fails is not
/// kept, so a throttled or timed-out call is tried again by the next use (a wait that looks past errors gets its retry).
/// </summary>
public static class DatabaseSecret
{
    /// <param name="arn">The secret's ARN from the stack outputs; null when the stack has no such output.</param>
    /// <param name="reader">Who connects, as the message for a missing output names it (e.g. <c>the drill</c>).</param>
    /// <param name="failure">The caller's exception for a message.</param>
    public static Func<CancellationToken, Task<DatabaseCredentials>> ReadOnce(
        Func<CancellationToken, Task<string?>> arn, ISecretValueReader secrets, string reader, Func<string, Exception> failure)
    {
        DatabaseCredentials? read = null;
        return async cancellationToken => read ??= await ReadAsync(cancellationToken);

        async Task<DatabaseCredentials> ReadAsync(CancellationToken token)
        {
            var secretArn = await arn(token)
                ?? throw failure($"the stack has no database.secretArn output; run a full update so {reader} can read the database's credentials");
            try
            {
                return DatabaseCredentials.Parse(secretArn, await secrets.ReadAsync(secretArn, token));
            }
            catch (SecretReadException error)
            {
                throw failure($"the database's credentials cannot be read: {error.Message}");
            }
        }
    }
}
