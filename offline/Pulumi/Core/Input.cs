namespace Pulumi
{
    /// <summary>Untyped access to an input, used by the serializer and by Output.Format.</summary>
    internal interface IInput
    {
        IOutput ToUntypedOutput();
    }

    /// <summary>A resource argument: a plain value or an output of another resource.</summary>
    public class Input<T> : IInput
    {
        private protected Output<T> Value { get; set; }

        private protected Input(Output<T> value) => Value = value;

        public static implicit operator Input<T>(T value) => Output.Create(value);

        public static implicit operator Input<T>(Output<T> value) => new(value);

        public static implicit operator Output<T>(Input<T> input) => input.Value;

        IOutput IInput.ToUntypedOutput() => Value;
    }

    public static class InputExtensions
    {
        public static Output<T> ToOutput<T>(this Input<T>? input) => input ?? Output.Create(default(T)!);

        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, U> func) => input.ToOutput().Apply(func);

        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, Task<U>> func) => input.ToOutput().Apply(func);

        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, Input<U>?> func) => input.ToOutput().Apply(func);

        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, Output<U>?> func) => input.ToOutput().Apply(func);
    }
}
