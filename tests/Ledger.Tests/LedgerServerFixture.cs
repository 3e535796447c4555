using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Infra.Stacks.Release;
using Microsoft.Extensions.Time.Testing;
using TestSupport;

namespace Infra.Ledger.Tests;

/// <summary>
/// One dynalite server for the whole suite. Clients reach it through the SDK's standard endpoint override,
/// AWS_ENDPOINT_URL_DYNAMODB, exactly as the runner would in a test environment; each test uses its own stack, so
/// its own table.
/// </summary>
public sealed class LedgerServerFixture : IAsyncLifetime
{
    public const string Region = "eu-central-1";
    public static readonly AWSCredentials Credentials = new BasicAWSCredentials("test-access-key", "test-secret-key");

    private DynaliteServer? _server;
    private int _stacks;

    public string Endpoint => _server!.Endpoint;

    public async Task InitializeAsync()
    {
        _server = await DynaliteServer.StartAsync();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", _server.Endpoint);
    }

    public Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", null);
        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client made the way the runner makes one: for the region, the endpoint from the environment.</summary>
    public static IAmazonDynamoDB Client() => LedgerClients.ForRegion(Region, Credentials);

    /// <summary>A fresh stack name whose ledger table exists, with the key schema the stack declares.</summary>
    public async Task<string> NewStackAsync()
    {
        var stack = $"test{Interlocked.Increment(ref _stacks)}";
        using var client = Client();
        await DynaliteServer.CreateLedgerTableAsync(client, stack);
        return stack;
    }

    /// <summary>A ledger as one machine sees it: its own client, owner and clock.</summary>
    public static ReleaseLedger Machine(string stack, string host, FakeTimeProvider time) =>
        new(Client(), stack, new LeaseOwner(host, 4242, null), time);

    /// <summary>A clock at a fixed, readable instant that moves only when a test says so.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
}

[CollectionDefinition(Name)]
public sealed class LedgerServerCollection : ICollectionFixture<LedgerServerFixture>
{
    public const string Name = "ledger server";
}
