using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>What an output resolves to: its value plus the flags the engine tracks beside it.</summary>
    internal readonly record struct OutputData<T>(T Value, bool IsKnown, bool IsSecret, ImmutableHashSet<Resource> Resources)
    {
        public static OutputData<T> Known(T value, bool isSecret = false) =>
            new(value, true, isSecret, ImmutableHashSet<Resource>.Empty);

        public static OutputData<T> Unknown(bool isSecret, ImmutableHashSet<Resource> resources) =>
            new(default!, false, isSecret, resources);

        public OutputData<U> WithValue<U>(U value) => new(value, IsKnown, IsSecret, Resources);
    }

    /// <summary>Untyped access to an output, used by the serializer.</summary>
    internal interface IOutput
    {
        Task<OutputData<object?>> GetDataAsync();
    }
}
