namespace Pulumi
{
    /// <summary>A value that is one of two types.</summary>
    public readonly struct Union<T0, T1> : IEquatable<Union<T0, T1>>, IUnion
    {
        private readonly T0 _value0;
        private readonly T1 _value1;
        private readonly int _index;

        private Union(int index, T0 value0 = default!, T1 value1 = default!)
        {
            _index = index;
            _value0 = value0;
            _value1 = value1;
        }

        public object? Value => _index == 0 ? _value0 : _value1;
        public bool IsT0 => _index == 0;
        public bool IsT1 => _index == 1;
        public T0 AsT0 => IsT0 ? _value0 : throw new InvalidOperationException($"Cannot return as T0 as result is T{_index}");
        public T1 AsT1 => IsT1 ? _value1 : throw new InvalidOperationException($"Cannot return as T1 as result is T{_index}");

        public static Union<T0, T1> FromT0(T0 input) => new(0, value0: input);
        public static Union<T0, T1> FromT1(T1 input) => new(1, value1: input);

        public static implicit operator Union<T0, T1>(T0 t) => FromT0(t);
        public static implicit operator Union<T0, T1>(T1 t) => FromT1(t);

        public TResult Match<TResult>(Func<T0, TResult> f0, Func<T1, TResult> f1) => IsT0 ? f0(_value0) : f1(_value1);

        public bool Equals(Union<T0, T1> union) => _index == union._index && Equals(Value, union.Value);
        public override bool Equals(object? obj) => obj is Union<T0, T1> other && Equals(other);
        public override int GetHashCode() => HashCode.Combine(_index, Value);
        public override string ToString() => Value?.ToString() ?? "";
    }

    /// <summary>Untyped access to a union's value, used by the serializer.</summary>
    internal interface IUnion
    {
        object? Value { get; }
    }

    /// <summary>An argument that takes either of two types.</summary>
    public sealed class InputUnion<T0, T1> : Input<Union<T0, T1>>
    {
        public InputUnion() : this(Output.Create(default(Union<T0, T1>)))
        {
        }

        private InputUnion(Output<Union<T0, T1>> value) : base(value)
        {
        }

        public static implicit operator InputUnion<T0, T1>(T0 value) => Output.Create(value);
        public static implicit operator InputUnion<T0, T1>(T1 value) => Output.Create(value);
        public static implicit operator InputUnion<T0, T1>(Union<T0, T1> value) => Output.Create(value);
        public static implicit operator InputUnion<T0, T1>(Output<T0> value) => new(value.Apply(v => Union<T0, T1>.FromT0(v)));
        public static implicit operator InputUnion<T0, T1>(Output<T1> value) => new(value.Apply(v => Union<T0, T1>.FromT1(v)));
        public static implicit operator InputUnion<T0, T1>(Output<Union<T0, T1>> value) => new(value);
    }
}
