using System.Reflection;

namespace Fidelity.Tests.Aws;

/// <summary>
/// A C# member that maps to a wire name. <paramref name="CSharpName"/> is the public name users write (for an
/// <c>[Input]</c> on a private backing field, the public property it backs); <paramref name="ValueType"/> its type.
/// </summary>
public sealed record SdkMember(string CSharpName, string Wire, bool Required, Type ValueType);

/// <summary>Reads the wire-mapped members of SDK classes by reflection, the way the engine's serializer finds them.</summary>
public static class SdkMembers
{
    private const BindingFlags AllInstance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    /// <summary><c>[Input("wire", required)]</c> on properties, or on private fields backing a public property (lists and maps).</summary>
    public static IReadOnlyList<SdkMember> Inputs(Type type)
    {
        var members = new List<SdkMember>();
        foreach (var member in type.GetMembers(AllInstance).Where(m => m is PropertyInfo or FieldInfo))
        {
            if (SdkConventions.Attribute(member, SdkConventions.InputAttribute) is not { } input)
                continue;
            var wire = SdkConventions.Argument(input, "name") as string ?? member.Name;
            var required = SdkConventions.Argument(input, "required") is true;
            var (name, valueType) = member switch
            {
                PropertyInfo property => (property.Name, property.PropertyType),
                FieldInfo field => PublicPropertyFor(type, field),
                _ => throw new InvalidOperationException(),
            };
            members.Add(new SdkMember(name, wire, required, valueType));
        }
        return members;
    }

    /// <summary><c>[Output("wire")]</c> properties of a resource class (the base Resource's urn/id are not the provider's).</summary>
    public static IReadOnlyList<SdkMember> ResourceOutputs(Type type) =>
        type.GetProperties(AllInstance)
            .Where(p => !IsPulumiCoreType(p.DeclaringType!))
            .Select(p => (Property: p, Attribute: SdkConventions.Attribute(p, SdkConventions.OutputAttribute)))
            .Where(x => x.Attribute is not null)
            .Select(x => new SdkMember(x.Property.Name, SdkConventions.Argument(x.Attribute!, "name") as string ?? x.Property.Name, false, x.Property.PropertyType))
            .ToList();

    /// <summary>
    /// An output type's wire names are its <c>[OutputConstructor]</c> parameter names; each should set a public
    /// readonly field (or property) of the matching name. Null when the type has no such constructor.
    /// </summary>
    public static IReadOnlyList<SdkMember>? OutputTypeMembers(Type type, Func<string, string> expectedName)
    {
        var constructor = type.GetConstructors(AllInstance)
            .FirstOrDefault(c => SdkConventions.HasAttribute(c, SdkConventions.OutputConstructorAttribute));
        if (constructor is null)
            return null;
        return constructor.GetParameters().Select(p =>
        {
            var wire = p.Name!;
            var expected = expectedName(wire);
            var publicMember = type.GetMember(expected, BindingFlags.Public | BindingFlags.Instance).FirstOrDefault()
                               ?? type.GetMember(expected, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase).FirstOrDefault();
            return new SdkMember(publicMember?.Name ?? "(no public member)", wire, false, p.ParameterType);
        }).ToList();
    }

    // `[Input("tags")] private InputMap<string>? _tags;` backs `public InputMap<string> Tags`.
    private static (string Name, Type ValueType) PublicPropertyFor(Type type, FieldInfo field)
    {
        var bare = field.Name.TrimStart('_');
        var property = type.GetProperty(bare, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is null ? (field.Name, field.FieldType) : (property.Name, property.PropertyType);
    }

    private static bool IsPulumiCoreType(Type type) => type.Assembly.GetName().Name == "Pulumi";
}
