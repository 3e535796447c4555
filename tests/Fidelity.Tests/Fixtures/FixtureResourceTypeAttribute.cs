namespace Fidelity.Tests.Fixtures;

/// <summary>Like the real Pulumi.Aws's internal AwsResourceTypeAttribute: a ResourceTypeAttribute subclass taking only the token.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class FixtureResourceTypeAttribute(string type) : Pulumi.ResourceTypeAttribute(type, null);
