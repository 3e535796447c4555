using System.Collections.Immutable;

namespace Pulumi.Utilities
{
    /// <summary>Reads what an output carries; meant for tests and tooling, not for programs.</summary>
    public static class OutputUtilities
    {
        public static async Task<T> GetValueAsync<T>(Output<T> output) => (await output.DataTask.ConfigureAwait(false)).Value;

        public static async Task<bool> GetIsKnownAsync<T>(Output<T> output) => (await output.DataTask.ConfigureAwait(false)).IsKnown;

        public static async Task<ImmutableHashSet<Resource>> GetDependenciesAsync<T>(Output<T> output) =>
            (await output.DataTask.ConfigureAwait(false)).Resources;

        public static Output<T> CreateUnknown<T>(T value) =>
            new(Task.FromResult(OutputData<T>.Unknown(false, ImmutableHashSet<Resource>.Empty) with { Value = value }));

        public static Output<T> CreateUnknown<T>(Func<Task<T>> valueFactory) => new(CreateUnknownAsync(valueFactory));

        private static async Task<OutputData<T>> CreateUnknownAsync<T>(Func<Task<T>> valueFactory) =>
            OutputData<T>.Unknown(false, ImmutableHashSet<Resource>.Empty) with { Value = await valueFactory().ConfigureAwait(false) };
    }
}
