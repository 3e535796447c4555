using System.Collections;
using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>A string-keyed map argument whose values may each be outputs.</summary>
    public sealed class InputMap<V> : Input<ImmutableDictionary<string, V>>, IEnumerable, IAsyncEnumerable<Input<KeyValuePair<string, V>>>
    {
        public InputMap() : this(Output.Create(ImmutableDictionary<string, V>.Empty))
        {
        }

        private InputMap(Output<ImmutableDictionary<string, V>> values) : base(values)
        {
        }

        public void Add(string key, Input<V> value) =>
            Value = Output.Tuple(Value, value.ToOutput()).Apply(t => t.Item1.Add(key, t.Item2));

        public void Add(InputMap<V> values) => AddRange(values);

        public void AddRange(InputMap<V> values) => Value = Merge(Value, values.Value);

        public Input<V> this[string key]
        {
            set => Add(key, value);
        }

        public static InputMap<V> Merge(InputMap<V> first, InputMap<V> second) => new(Merge(first.Value, second.Value));

        private static Output<ImmutableDictionary<string, V>> Merge(Output<ImmutableDictionary<string, V>> first, Output<ImmutableDictionary<string, V>> second) =>
            Output.Tuple(first, second).Apply(t => t.Item1.SetItems(t.Item2));

        IEnumerator IEnumerable.GetEnumerator() =>
            throw new NotSupportedException("An InputMap cannot be enumerated synchronously; use Apply on it.");

        public async IAsyncEnumerator<Input<KeyValuePair<string, V>>> GetAsyncEnumerator(CancellationToken cancellationToken)
        {
            var data = await Value.DataTask.ConfigureAwait(false);
            foreach (var pair in data.Value)
            {
                yield return Output<KeyValuePair<string, V>>.FromData(data.WithValue(pair));
            }
        }

        public static implicit operator InputMap<V>(Dictionary<string, V> values) => new(Output.Create(values.ToImmutableDictionary()));
        public static implicit operator InputMap<V>(ImmutableDictionary<string, V> values) => new(Output.Create(values));
        public static implicit operator InputMap<V>(Output<Dictionary<string, V>> values) => new(values.Apply(v => v.ToImmutableDictionary()));
        public static implicit operator InputMap<V>(Output<IDictionary<string, V>> values) => new(values.Apply(v => v.ToImmutableDictionary()));
        public static implicit operator InputMap<V>(Output<ImmutableDictionary<string, V>> values) => new(values);
    }
}
