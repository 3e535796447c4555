namespace Fidelity.Tests.Typings;

/// <summary>The coarse shape of a property type, the common ground between a .d.ts type and a C# SDK type.</summary>
public abstract record Shape
{
    public abstract string Describe();
}

/// <summary><c>string</c>, <c>number</c>, <c>boolean</c> or <c>any</c>.</summary>
public sealed record PrimitiveShape(string Name) : Shape
{
    public static readonly PrimitiveShape String = new("string");
    public static readonly PrimitiveShape Number = new("number");
    public static readonly PrimitiveShape Boolean = new("boolean");
    public static readonly PrimitiveShape Any = new("any");

    public override string Describe() => Name;
}

public sealed record ListShape(Shape Item) : Shape
{
    public override string Describe() => $"list of {Item.Describe()}";
}

public sealed record MapShape(Shape Value) : Shape
{
    public override string Describe() => $"map of {Value.Describe()}";
}

/// <summary>A nested input or output type; <paramref name="Module"/> is empty for the package's top level.</summary>
public sealed record ObjectShape(string Module, string Name) : Shape
{
    public override string Describe() => $"object {Qualified(Module, Name)}";

    public static string Qualified(string module, string name) => module.Length == 0 ? name : module + "." + name;
}

public sealed record EnumShape(string Module, string Name) : Shape
{
    public override string Describe() => $"enum {ObjectShape.Qualified(Module, Name)}";
}

/// <summary><c>pulumi.asset.Archive</c>, <c>Asset</c> or <c>AssetOrArchive</c>.</summary>
public sealed record AssetShape(string Name) : Shape
{
    public override string Describe() => $"pulumi.asset.{Name}";
}

public sealed record UnionShape(IReadOnlyList<Shape> Options) : Shape
{
    public override string Describe() => string.Join(" | ", Options.Select(o => o.Describe()));
}

/// <summary>Anything else, by its text: a resource class reference such as <c>Role</c>, or a C# type with no typings counterpart.</summary>
public sealed record NamedShape(string Text) : Shape
{
    public override string Describe() => Text;
}
