using Infra.Runner.Adapters;

namespace Runner.Tests.Adapters;

public sealed class DatabaseSecretTests
{
    private const string Arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/db-AbCdEf";

    /// <summary>Secrets Manager as the runner sees it: answers from a queue of outcomes, counting calls.</summary>
    private sealed class ScriptedSecrets(params Func<string>[] answers) : ISecretValueReader
    {
        public int Calls { get; private set; }

        public Task<string> ReadAsync(string secretArn, CancellationToken cancellationToken)
        {
            Assert.Equal(Arn, secretArn);
            return Task.FromResult(answers[Calls++]());
        }
    }

    private static Func<CancellationToken, Task<DatabaseCredentials>> ReadOnce(ISecretValueReader secrets) =>
        DatabaseSecret.ReadOnce(_ => Task.FromResult<string?>(Arn), secrets, "fail-back", message => new InvalidOperationException(message));

    [Fact]
    public async Task A_failed_read_is_not_kept_so_the_next_use_reads_again()
    {
        var secrets = new ScriptedSecrets(
            () => throw new SecretReadException($"the secret {Arn} cannot be read: Rate exceeded"),
            () => """{"username":"app","password":"pw","dbname":"app","port":5432}""");
        var read = ReadOnce(secrets);

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => read(CancellationToken.None));
        var second = await read(CancellationToken.None);

        Assert.Equal($"the database's credentials cannot be read: the secret {Arn} cannot be read: Rate exceeded", first.Message);
        Assert.Equal("app@app (port 5432)", second.ToString());
        Assert.Equal(2, secrets.Calls);
    }

    [Fact]
    public async Task A_successful_read_is_kept()
    {
        var secrets = new ScriptedSecrets(() => """{"username":"app","password":"pw","dbname":"app","port":5432}""");
        var read = ReadOnce(secrets);

        await read(CancellationToken.None);
        var again = await read(CancellationToken.None);

        Assert.Equal("pw", again.Password);
        Assert.Equal(1, secrets.Calls);
    }
}
