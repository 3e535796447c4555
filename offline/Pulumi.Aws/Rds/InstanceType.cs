using System.ComponentModel;

namespace Pulumi.Aws.Rds
{
    /// <summary>RDS instance classes (the subset of the package's enum this project may use; any other class is passed as a string).</summary>
    [EnumType]
    public readonly struct InstanceType : IEquatable<InstanceType>
    {
        private readonly string _value;

        private InstanceType(string value)
        {
            _value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public static InstanceType T4G_Micro { get; } = new InstanceType("db.t4g.micro");
        public static InstanceType T4G_Small { get; } = new InstanceType("db.t4g.small");
        public static InstanceType T4G_Medium { get; } = new InstanceType("db.t4g.medium");
        public static InstanceType T4G_Large { get; } = new InstanceType("db.t4g.large");
        public static InstanceType T4G_XLarge { get; } = new InstanceType("db.t4g.xlarge");
        public static InstanceType T3_Micro { get; } = new InstanceType("db.t3.micro");
        public static InstanceType T3_Small { get; } = new InstanceType("db.t3.small");
        public static InstanceType T3_Medium { get; } = new InstanceType("db.t3.medium");
        public static InstanceType T3_Large { get; } = new InstanceType("db.t3.large");
        public static InstanceType M5_Large { get; } = new InstanceType("db.m5.large");
        public static InstanceType M5_XLarge { get; } = new InstanceType("db.m5.xlarge");
        public static InstanceType M5_2XLarge { get; } = new InstanceType("db.m5.2xlarge");
        public static InstanceType M6G_Large { get; } = new InstanceType("db.m6g.large");
        public static InstanceType M6G_XLarge { get; } = new InstanceType("db.m6g.xlarge");
        public static InstanceType M6G_2XLarge { get; } = new InstanceType("db.m6g.2xlarge");
        public static InstanceType R5_Large { get; } = new InstanceType("db.r5.large");
        public static InstanceType R5_XLarge { get; } = new InstanceType("db.r5.xlarge");
        public static InstanceType R5_2XLarge { get; } = new InstanceType("db.r5.2xlarge");
        public static InstanceType R6G_Large { get; } = new InstanceType("db.r6g.large");
        public static InstanceType R6G_XLarge { get; } = new InstanceType("db.r6g.xlarge");
        public static InstanceType R6G_2XLarge { get; } = new InstanceType("db.r6g.2xlarge");
        public static InstanceType R6G_4XLarge { get; } = new InstanceType("db.r6g.4xlarge");

        public static bool operator ==(InstanceType left, InstanceType right) => left.Equals(right);
        public static bool operator !=(InstanceType left, InstanceType right) => !left.Equals(right);

        public static explicit operator string(InstanceType value) => value._value;

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override bool Equals(object? obj) => obj is InstanceType other && Equals(other);
        public bool Equals(InstanceType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

        [EditorBrowsable(EditorBrowsableState.Never)]
        public override int GetHashCode() => _value?.GetHashCode() ?? 0;

        public override string ToString() => _value;
    }
}
