using System.Reflection;
using System.Runtime.CompilerServices;

namespace Fidelity.Tests.PublicApi;

/// <summary>
/// Writes a type the way Roslyn's PublicApiAnalyzer listings do: keywords for primitives, full namespaces otherwise,
/// <c>T?</c> for Nullable&lt;T&gt;, tuple syntax with element names, and no nullable reference annotations.
/// </summary>
public static class TypeDisplay
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    /// <summary>A type in member position; tuple element names come from the member's TupleElementNamesAttribute.</summary>
    public static string Of(Type type, IList<string?>? tupleNames = null)
    {
        var cursor = new TupleNameCursor(tupleNames);
        return Render(type, cursor);
    }

    /// <summary>The tuple element names declared on a parameter, return value, property or field, if any.</summary>
    public static IList<string?>? TupleNames(ICustomAttributeProvider provider) =>
        provider.GetCustomAttributes(typeof(TupleElementNamesAttribute), false)
            .OfType<TupleElementNamesAttribute>()
            .FirstOrDefault()?.TransformNames;

    /// <summary>A declaring type as the listing writes it before a member: generic parameters by name.</summary>
    public static string Container(Type type) => Render(type, new TupleNameCursor(null));

    private static string Render(Type type, TupleNameCursor names)
    {
        if (type.IsByRef)
            return Render(type.GetElementType()!, names);
        if (type.IsPointer)
            return Render(type.GetElementType()!, names) + "*";
        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return Render(type.GetElementType()!, names) + "[" + new string(',', rank - 1) + "]";
        }
        if (type.IsGenericParameter)
            return type.Name;
        if (Keywords.TryGetValue(type, out var keyword))
            return keyword;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>))
            return Render(type.GetGenericArguments()[0], names) + "?";
        if (IsValueTuple(type))
            return RenderTuple(type, names);
        return RenderNamed(type, names);
    }

    private static string RenderNamed(Type type, TupleNameCursor names)
    {
        var allArguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        var segments = new List<(string Name, int Arity)>();
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            var declaredArity = current.IsGenericType ? current.GetGenericArguments().Length : 0;
            segments.Insert(0, (StripArity(current.Name), declaredArity));
        }

        var text = type.Namespace is { Length: > 0 } ns ? ns + "." : "";
        var consumed = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var (name, arity) = segments[i];
            if (i > 0) text += ".";
            text += name;
            var own = arity - consumed;
            if (own > 0)
            {
                var rendered = allArguments.Skip(consumed).Take(own).Select(a => Render(a, names));
                text += "<" + string.Join(", ", rendered) + ">";
                consumed = arity;
            }
        }
        return text;
    }

    private static string RenderTuple(Type type, TupleNameCursor names)
    {
        var elements = TupleElements(type);
        var elementNames = names.Take(elements.Count);
        var parts = new List<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            var rendered = Render(elements[i], names);
            parts.Add(elementNames[i] is { } name ? rendered + " " + name : rendered);
        }
        return "(" + string.Join(", ", parts) + ")";
    }

    // ValueTuple`8 nests the rest in TRest; the language flattens it.
    private static List<Type> TupleElements(Type type)
    {
        var arguments = type.GetGenericArguments();
        var elements = arguments.Take(Math.Min(arguments.Length, 7)).ToList();
        if (arguments.Length == 8)
            elements.AddRange(TupleElements(arguments[7]));
        return elements;
    }

    private static bool IsValueTuple(Type type) =>
        type.IsGenericType && type.Namespace == "System" && type.Name.StartsWith("ValueTuple`", StringComparison.Ordinal);

    private static string StripArity(string name)
    {
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>Hands out tuple element names in the depth-first pre-order the compiler encodes them in.</summary>
    private sealed class TupleNameCursor(IList<string?>? names)
    {
        private int _next;

        public string?[] Take(int count)
        {
            var taken = new string?[count];
            for (var i = 0; i < count; i++, _next++)
                taken[i] = names is not null && _next < names.Count ? names[_next] : null;
            return taken;
        }
    }
}
