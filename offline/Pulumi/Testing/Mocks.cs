using System.Collections.Immutable;

namespace Pulumi.Testing
{
    /// <summary>Stands in for providers: answers each registration and each function call.</summary>
    public interface IMocks
    {
        Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args);

        Task<object> CallAsync(MockCallArgs args);
    }

    public sealed class MockResourceArgs
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
        public ImmutableDictionary<string, object> Inputs { get; set; } = ImmutableDictionary<string, object>.Empty;
        public string? Provider { get; set; }
        public string? Id { get; set; }
    }

    public sealed class MockCallArgs
    {
        public string? Token { get; set; }
        public ImmutableDictionary<string, object> Args { get; set; } = ImmutableDictionary<string, object>.Empty;
        public string? Provider { get; set; }
    }

    public sealed class TestOptions
    {
        public string? ProjectName { get; set; }
        public string? StackName { get; set; }
        public bool? IsPreview { get; set; }
    }
}
