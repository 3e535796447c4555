using System.Reflection;

namespace Fidelity.Tests.Aws;

/// <summary>
/// How a generated Pulumi C# SDK lays out one provider: modules as namespaces under a root
/// (<c>Pulumi.Aws.Ec2</c> is module <c>ec2</c>, <c>Pulumi.Aws</c> itself is <c>index</c>), nested types in
/// <c>.Inputs</c>/<c>.Outputs</c>, and the Pulumi base types and attributes recognised by full name, so the checker
/// reads any assembly by reflection without binding to the one it was compiled against.
/// </summary>
public sealed class SdkConventions(string rootNamespace)
{
    public const string CustomResource = "Pulumi.CustomResource";
    public const string ProviderResource = "Pulumi.ProviderResource";
    public const string ResourceArgs = "Pulumi.ResourceArgs";
    public const string InvokeArgs = "Pulumi.InvokeArgs";
    public const string InputAttribute = "Pulumi.InputAttribute";
    public const string OutputAttribute = "Pulumi.OutputAttribute";
    public const string OutputTypeAttribute = "Pulumi.OutputTypeAttribute";
    public const string OutputConstructorAttribute = "Pulumi.OutputConstructorAttribute";
    public const string EnumTypeAttribute = "Pulumi.EnumTypeAttribute";
    public const string ResourceTypeAttribute = "Pulumi.ResourceTypeAttribute";

    /// <summary>e.g. <c>Pulumi.Aws</c>.</summary>
    public string RootNamespace { get; } = rootNamespace;

    /// <summary>The module the C# namespace stands for: the first segment under the root, lower-cased; empty for the root.</summary>
    public string Module(Type type)
    {
        var ns = type.Namespace ?? "";
        var relative = ns == RootNamespace ? "" : ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal) ? ns[(RootNamespace.Length + 1)..] : ns;
        var first = relative.Split('.')[0];
        return first is "" or "Inputs" or "Outputs" ? "" : first.ToLowerInvariant();
    }

    public static bool InNestedNamespace(Type type, string kind) =>
        type.Namespace is { } ns && ns.EndsWith("." + kind, StringComparison.Ordinal);

    /// <summary>
    /// The typings interface names a nested input class can stand for, most specific first: <c>XArgs</c> and
    /// <c>XGetArgs</c> (state) are <c>X</c>; an invoke's <c>GetXFilterInputArgs</c> is <c>GetXFilter</c> or, inside
    /// output-form args, <c>GetXFilterArgs</c>; a plain invoke input <c>GetXFilter</c> is itself.
    /// </summary>
    public static IEnumerable<string> InputInterfaceCandidates(string csName)
    {
        foreach (var suffix in new[] { "InputArgs", "GetArgs", "Args" })
            if (csName.EndsWith(suffix, StringComparison.Ordinal) && csName.Length > suffix.Length)
                yield return csName[..^suffix.Length];
        if (csName.EndsWith("InputArgs", StringComparison.Ordinal))
            yield return csName[..^"InputArgs".Length] + "Args";
        yield return csName;
    }

    public static bool DerivesFrom(Type type, string fullName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.FullName == fullName)
                return true;
        return false;
    }

    public static CustomAttributeData? Attribute(MemberInfo member, string fullName) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == fullName);

    public static bool HasAttribute(MemberInfo member, string fullName) => Attribute(member, fullName) is not null;

    /// <summary>A constructor argument of an attribute by parameter name, so no attribute property needs to be public.</summary>
    public static object? Argument(CustomAttributeData attribute, string parameterName)
    {
        var parameters = attribute.Constructor.GetParameters();
        for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Count; i++)
            if (parameters[i].Name == parameterName)
                return attribute.ConstructorArguments[i].Value;
        return null;
    }

    /// <summary>The type token from any attribute deriving from (or being) Pulumi.ResourceTypeAttribute; its first constructor argument.</summary>
    public static string? ResourceToken(Type type) =>
        type.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == ResourceTypeAttribute || DerivesFrom(a.AttributeType, ResourceTypeAttribute))
            .Select(a => a.ConstructorArguments.Count > 0 ? a.ConstructorArguments[0].Value as string : null)
            .FirstOrDefault(t => t is not null);
}
