using System.ComponentModel;

namespace Pulumi.Aws.Route53
{
    /// <summary>Route 53 record types (the subset of the package's enum this project may use).</summary>
    [EnumType]
    public readonly struct RecordType : IEquatable<RecordType>
    {
        private readonly string _value;

        private RecordType(string value)
        {
            _value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public static RecordType A { get; } = new RecordType("A");
        public static RecordType AAAA { get; } = new RecordType("AAAA");
        public static RecordType CNAME { get; } = new RecordType("CNAME");
        public static RecordType TXT { get; } = new RecordType("TXT");

        public static bool operator ==(RecordType left, RecordType right) => left.Equals(right);
        public static bool operator !=(RecordType left, RecordType right) => !left.Equals(right);

        public static explicit operator string(RecordType value) => value._value;

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override bool Equals(object? obj) => obj is RecordType other && Equals(other);
        public bool Equals(RecordType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override int GetHashCode() => _value?.GetHashCode() ?? 0;

        public override string ToString() => _value;
    }
}
