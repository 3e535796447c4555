using System.Collections;
using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>A list argument whose elements may each be outputs.</summary>
    public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable, IAsyncEnumerable<Input<T>>
    {
        public InputList() : this(Output.Create(ImmutableArray<T>.Empty))
        {
        }

        private InputList(Output<ImmutableArray<T>> values) : base(values)
        {
        }

        public void Add(params Input<T>[] inputs) => AddRange(inputs);

        public void Add(InputList<T> inputs) => AddRange(inputs);

        public void AddRange(InputList<T> inputs) => Value = Concat(Value, inputs.Value);

        public InputList<T> Concat(InputList<T> other) => new(Concat(Value, other.Value));

        private static Output<ImmutableArray<T>> Concat(Output<ImmutableArray<T>> first, Output<ImmutableArray<T>> second) =>
            Output.Tuple(first, second).Apply(t => t.Item1.AddRange(t.Item2));

        IEnumerator IEnumerable.GetEnumerator() =>
            throw new NotSupportedException("An InputList cannot be enumerated synchronously; use Apply on it.");

        public async IAsyncEnumerator<Input<T>> GetAsyncEnumerator(CancellationToken cancellationToken)
        {
            var data = await Value.DataTask.ConfigureAwait(false);
            foreach (var item in data.Value)
            {
                yield return Output<T>.FromData(data.WithValue(item));
            }
        }

        public static implicit operator InputList<T>(T value) => ImmutableArray.Create<Input<T>>(value);
        public static implicit operator InputList<T>(T[] values) => values.Select(v => (Input<T>)v).ToImmutableArray();
        public static implicit operator InputList<T>(List<T> values) => values.Select(v => (Input<T>)v).ToImmutableArray();
        public static implicit operator InputList<T>(ImmutableArray<T> values) => values.Select(v => (Input<T>)v).ToImmutableArray();
        public static implicit operator InputList<T>(Input<T> value) => ImmutableArray.Create(value);
        public static implicit operator InputList<T>(Input<T>[] values) => ImmutableArray.CreateRange(values);
        public static implicit operator InputList<T>(List<Input<T>> values) => ImmutableArray.CreateRange(values);
        public static implicit operator InputList<T>(ImmutableArray<Input<T>> values) => new(Output.All(values));
        public static implicit operator InputList<T>(Output<T> value) => ImmutableArray.Create<Input<T>>(value);
        public static implicit operator InputList<T>(Output<T>[] values) => values.Select(v => (Input<T>)v).ToImmutableArray();
        public static implicit operator InputList<T>(List<Output<T>> values) => values.Select(v => (Input<T>)v).ToImmutableArray();
        public static implicit operator InputList<T>(ImmutableArray<Output<T>> values) => values.Select(v => (Input<T>)v).ToImmutableArray();
        public static implicit operator InputList<T>(Output<T[]> values) => new(values.Apply(v => v.ToImmutableArray()));
        public static implicit operator InputList<T>(Output<List<T>> values) => new(values.Apply(v => v.ToImmutableArray()));
        public static implicit operator InputList<T>(Output<IEnumerable<T>> values) => new(values.Apply(v => v.ToImmutableArray()));
        public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) => new(values);
    }
}
