using System.ComponentModel;

namespace Pulumi.Aws.Iam
{
    /// <summary>Whether a policy statement allows or denies.</summary>
    [EnumType]
    public readonly struct PolicyStatementEffect : IEquatable<PolicyStatementEffect>
    {
        private readonly string _value;

        private PolicyStatementEffect(string value)
        {
            _value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public static PolicyStatementEffect ALLOW { get; } = new PolicyStatementEffect("Allow");
        public static PolicyStatementEffect DENY { get; } = new PolicyStatementEffect("Deny");

        public static bool operator ==(PolicyStatementEffect left, PolicyStatementEffect right) => left.Equals(right);
        public static bool operator !=(PolicyStatementEffect left, PolicyStatementEffect right) => !left.Equals(right);

        public static explicit operator string(PolicyStatementEffect value) => value._value;

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override bool Equals(object? obj) => obj is PolicyStatementEffect other && Equals(other);
        public bool Equals(PolicyStatementEffect other) => string.Equals(_value, other._value, StringComparison.Ordinal);

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override int GetHashCode() => _value?.GetHashCode() ?? 0;

        public override string ToString() => _value;
    }
}
