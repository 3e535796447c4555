using System.ComponentModel;

namespace Pulumi.Aws.Lambda
{
    /// <summary>Lambda runtimes (the subset of the package's enum this project may use).</summary>
    [EnumType]
    public readonly struct Runtime : IEquatable<Runtime>
    {
        private readonly string _value;

        private Runtime(string value)
        {
            _value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public static Runtime NodeJS20dX { get; } = new Runtime("nodejs20.x");
        public static Runtime NodeJS22dX { get; } = new Runtime("nodejs22.x");
        public static Runtime NodeJS24dX { get; } = new Runtime("nodejs24.x");
        public static Runtime Python3d12 { get; } = new Runtime("python3.12");
        public static Runtime Python3d13 { get; } = new Runtime("python3.13");

        public static bool operator ==(Runtime left, Runtime right) => left.Equals(right);
        public static bool operator !=(Runtime left, Runtime right) => !left.Equals(right);

        public static explicit operator string(Runtime value) => value._value;

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override bool Equals(object? obj) => obj is Runtime other && Equals(other);
        public bool Equals(Runtime other) => string.Equals(_value, other._value, StringComparison.Ordinal);

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override int GetHashCode() => _value?.GetHashCode() ?? 0;

        public override string ToString() => _value;
    }
}
