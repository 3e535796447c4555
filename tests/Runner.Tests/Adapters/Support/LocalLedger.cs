using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Infra.Ledger;
using TestSupport;

namespace Runner.Tests.Adapters.Support;

/// <summary>
/// One DynamoDB-compatible server (tools/dynalite) for this test assembly, reached the way the runner and the program
/// reach AWS: the SDK's standard endpoint and credential variables, which runner processes started by tests inherit.
/// Each test uses a stack of its own, so a table of its own.
/// </summary>
internal static class LocalLedger
{
    public const string Region = "eu-west-1";

    private static readonly Lazy<Task<DynaliteServer>> Server = new(StartAsync);
    private static int stacks;

    /// <summary>Starts the server (once) and points this process, and the programs it starts, at it.</summary>
    public static Task EnsureStartedAsync() => Server.Value;

    /// <summary>A stack name no other test uses, whose ledger table exists (as after its first <c>pulumi up</c>).</summary>
    public static async Task<string> NewStackAsync(string prefix = "s")
    {
        await Server.Value;
        var stack = $"{prefix}{Interlocked.Increment(ref stacks)}";
        using var client = Client();
        await DynaliteServer.CreateLedgerTableAsync(client, stack);
        return stack;
    }

    /// <summary>Environment for a runner process started by a test: the server and test credentials.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() =>
        Variables((await Server.Value).Endpoint);

    public static IAmazonDynamoDB Client() =>
        LedgerClients.ForRegion(Region, new BasicAWSCredentials("test-access-key", "test-secret-key"));

    public static ReleaseLedger Ledger(string stack, TimeProvider? time = null) => new(Client(), stack, time: time);

    private static async Task<DynaliteServer> StartAsync()
    {
        var server = await DynaliteServer.StartAsync();
        foreach (var (name, value) in Variables(server.Endpoint)) Environment.SetEnvironmentVariable(name, value);
        return server;
    }

    /// <summary>
    /// Sets the test credential variables in this process, as starting the server does, for a test of what the SDK
    /// reads from them that needs no server. Idempotent: the values are always the same.
    /// </summary>
    public static void UseTestCredentials()
    {
        foreach (var (name, value) in Credentials) Environment.SetEnvironmentVariable(name, value);
    }

    private static readonly IReadOnlyDictionary<string, string> Credentials = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "test-access-key",
        ["AWS_SECRET_ACCESS_KEY"] = "test-secret-key",
    };

    private static Dictionary<string, string> Variables(string endpoint) =>
        new(Credentials) { ["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint };
}
