using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Sdk.Tests;

/// <summary>Mocks that answer like a provider would (ID from the name, ARN computed) and record every call.</summary>
public sealed class RecordingMocks : IMocks
{
    public ConcurrentQueue<MockResourceArgs> Registrations { get; } = new();

    /// <summary>Outputs the "provider" adds beyond echoing the inputs; none for a preview of computed values.</summary>
    public bool ComputeArn { get; init; } = true;

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Registrations.Enqueue(args);
        var state = args.Inputs;
        if (ComputeArn && args.Type == "test:storage/bucket:Bucket")
        {
            state = state.SetItem("arn", $"arn:test:::{args.Name}");
        }
        return Task.FromResult<(string?, object)>(($"{args.Name}-id", state));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);

    public MockResourceArgs Single(string name) => Registrations.Single(r => r.Name == name);
}
