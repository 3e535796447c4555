using Fidelity.Tests.Typings;

namespace Fidelity.Tests.Aws;

/// <summary>Turns a C# SDK property type into a <see cref="Shape"/> comparable with the typings'.</summary>
public static class SdkTypeShapes
{
    private static readonly HashSet<string> ListTypes =
        ["Pulumi.InputList`1", "System.Collections.Immutable.ImmutableArray`1", "System.Collections.Generic.List`1"];

    private static readonly HashSet<string> MapTypes =
        ["Pulumi.InputMap`1", "System.Collections.Immutable.ImmutableDictionary`2", "System.Collections.Generic.Dictionary`2"];

    private static readonly HashSet<string> Wrappers = ["Pulumi.Input`1", "Pulumi.Output`1", "System.Nullable`1"];

    private static readonly HashSet<string> Unions = ["Pulumi.InputUnion`2", "Pulumi.Union`2"];

    public static Shape Of(Type type, SdkConventions conventions)
    {
        if (type.IsArray)
            return new ListShape(Of(type.GetElementType()!, conventions));
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            var arguments = type.GetGenericArguments();
            if (Wrappers.Contains(definition)) return Of(arguments[0], conventions);
            if (ListTypes.Contains(definition)) return new ListShape(Of(arguments[0], conventions));
            if (MapTypes.Contains(definition)) return new MapShape(Of(arguments[^1], conventions));
            if (Unions.Contains(definition)) return new UnionShape(arguments.Select(a => Of(a, conventions)).ToList());
        }

        if (type == typeof(string)) return PrimitiveShape.String;
        if (type == typeof(bool)) return PrimitiveShape.Boolean;
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float)) return PrimitiveShape.Number;
        if (type == typeof(object) || type.FullName is "System.Text.Json.JsonElement" or "Pulumi.InputJson") return PrimitiveShape.Any;
        if (type.FullName is "Pulumi.Archive" or "Pulumi.Asset" or "Pulumi.AssetOrArchive") return new AssetShape(type.Name);

        if (SdkConventions.HasAttribute(type, SdkConventions.EnumTypeAttribute))
            return new EnumShape(conventions.Module(type), type.Name);
        if (SdkConventions.HasAttribute(type, SdkConventions.OutputTypeAttribute))
            return new ObjectShape(conventions.Module(type), type.Name);
        if (SdkConventions.DerivesFrom(type, SdkConventions.ResourceArgs) || SdkConventions.DerivesFrom(type, SdkConventions.InvokeArgs))
            return new ObjectShape(conventions.Module(type), type.Name);
        return new NamedShape(type.FullName ?? type.Name);
    }

    /// <summary>Whether a C# shape is one the typings allow. A C# union must be covered option by option; a single
    /// C# type may pick one option of a typings union (the real SDK writes <c>string | Role</c> as string); and
    /// <c>object</c> stands for a union of three or more, which InputUnion's two type arguments cannot hold.</summary>
    public static bool Fits(Shape csharp, Shape typings)
    {
        if (typings is UnionShape { Options.Count: > 2 } && csharp == PrimitiveShape.Any)
            return true;
        // The SDK's AssetOrArchive is the typings' Asset | Archive (e.g. an S3 object's source).
        if (typings is UnionShape assets && csharp == new AssetShape("AssetOrArchive")
            && assets.Options.Contains(new AssetShape("Asset")) && assets.Options.Contains(new AssetShape("Archive")))
            return true;
        if (typings is UnionShape union)
            return csharp is UnionShape csUnion
                ? csUnion.Options.All(o => union.Options.Any(t => Fits(o, t)))
                : union.Options.Any(t => Fits(csharp, t));
        return (csharp, typings) switch
        {
            (ListShape c, ListShape t) => Fits(c.Item, t.Item),
            (MapShape c, MapShape t) => Fits(c.Value, t.Value),
            (ObjectShape c, ObjectShape t) => c.Module == t.Module && SdkConventions.InputInterfaceCandidates(c.Name).Contains(t.Name),
            _ => csharp == typings,
        };
    }
}
