namespace Infra.Stacks.Loading;

/// <summary>
/// The neutral tree both sources load into (the YAML stack file and Pulumi's config values), so one binder
/// turns either into settings.
/// </summary>
public abstract record ConfigNode
{
    /// <summary>How the node reads in a message, e.g. <c>'abc'</c> or <c>a map</c>; never a secret's value.</summary>
    public abstract string Describe();
}

/// <summary>
/// A scalar as text. <see cref="IsSecret"/> marks text that came from a key Pulumi holds as secret:
/// it is read but never shown.
/// </summary>
public sealed record ConfigScalar(string Text, bool IsSecret = false) : ConfigNode
{
    public override string Describe() => IsSecret ? "a secret value" : Shown.Text(Text);

    // The record's generated ToString would print Text.
    public override string ToString() => IsSecret ? "ConfigScalar { [secret] }" : $"ConfigScalar {{ {Text} }}";
}

/// <summary>A map in file order.</summary>
public sealed record ConfigMap(IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries) : ConfigNode
{
    public static ConfigMap Empty { get; } = new([]);

    public override string Describe() => "a map";
}

/// <summary>A list.</summary>
public sealed record ConfigList(IReadOnlyList<ConfigNode> Items) : ConfigNode
{
    public override string Describe() => "a list";
}

/// <summary>A <c>secure:</c> value of a stack file. The ciphertext is deliberately not kept.</summary>
public sealed record ConfigSecret : ConfigNode
{
    public override string Describe() => "a secret";
}

/// <summary>A stack's top-level config keys (<c>infra:*</c>, <c>aws:region</c>) as a neutral tree.</summary>
/// <param name="FileLabel">How messages name the source, e.g. <c>Pulumi.staging.yaml</c>.</param>
public sealed record StackDocument(string StackName, string FileLabel, ConfigMap Config);
