using System.Reflection;

namespace Fidelity.Tests.PublicApi;

/// <summary>
/// Renders the public and protected surface of an assembly, one line per type, constructor, method, property
/// accessor, field, operator and event, in the line format of Roslyn's PublicAPI.Shipped.txt listings.
/// </summary>
/// <remarks>
/// Rules for compiler-generated members, chosen to mirror the listing: delegates are a bare type line (their
/// Invoke/BeginInvoke/EndInvoke are not listed); enum <c>value__</c> is skipped; static classes have no constructor
/// to list; record-synthesized members (EqualityContract, &lt;Clone&gt;$, PrintMembers, Deconstruct...) are rendered
/// like any other member, so a record standing in for a class of the real API shows up as a difference.
/// </remarks>
public static class PublicApiRenderer
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> RenderAssembly(Assembly assembly) =>
        assembly.GetTypes().Where(IsVisible).SelectMany(RenderType).ToList();

    /// <summary>The type line followed by the lines of its visible members (nested types are rendered on their own).</summary>
    public static IReadOnlyList<string> RenderType(Type type)
    {
        var lines = new List<string> { TypeDisplay.Container(type) };
        if (typeof(Delegate).IsAssignableFrom(type))
            return lines;
        if (type.IsEnum)
        {
            lines.AddRange(RenderEnumMembers(type));
            return lines;
        }

        lines.AddRange(type.GetConstructors(Declared).Where(c => !c.IsStatic && IsVisible(c)).Select(RenderConstructor));
        lines.AddRange(type.GetMethods(Declared).Where(m => IsVisible(m) && (!m.IsSpecialName || IsOperator(m))).Select(RenderMethod));
        foreach (var property in type.GetProperties(Declared))
            lines.AddRange(RenderProperty(property));
        lines.AddRange(type.GetFields(Declared).Where(f => IsVisible(f) && !f.IsSpecialName).Select(RenderField));
        lines.AddRange(type.GetEvents(Declared).Where(e => e.AddMethod is { } add && IsVisible(add)).Select(RenderEvent));
        return lines;
    }

    /// <summary>Public, or protected inside a type that can be derived from, all the way out.</summary>
    public static bool IsVisible(Type type)
    {
        if (!type.IsNested)
            return type.IsPublic;
        var declaring = type.DeclaringType!;
        if (!IsVisible(declaring))
            return false;
        return type.IsNestedPublic || (!declaring.IsSealed && (type.IsNestedFamily || type.IsNestedFamORAssem));
    }

    private static bool IsVisible(MethodBase method) =>
        method.IsPublic || ((method.IsFamily || method.IsFamilyOrAssembly) && !method.DeclaringType!.IsSealed);

    private static bool IsVisible(FieldInfo field) =>
        field.IsPublic || ((field.IsFamily || field.IsFamilyOrAssembly) && !field.DeclaringType!.IsSealed);

    private static IEnumerable<string> RenderEnumMembers(Type type)
    {
        var underlying = Enum.GetUnderlyingType(type);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = Convert.ChangeType(field.GetRawConstantValue(), underlying, System.Globalization.CultureInfo.InvariantCulture);
            yield return $"{TypeDisplay.Container(type)}.{field.Name} = {Literals.Number(value!)} -> {TypeDisplay.Container(type)}";
        }
    }

    private static string RenderConstructor(ConstructorInfo constructor)
    {
        var type = constructor.DeclaringType!;
        var name = type.Name.Split('`')[0];
        return $"{TypeDisplay.Container(type)}.{name}({Parameters(constructor)}) -> void";
    }

    private static string RenderMethod(MethodInfo method)
    {
        var container = TypeDisplay.Container(method.DeclaringType!);
        var returns = TypeDisplay.Of(method.ReturnType, TypeDisplay.TupleNames(method.ReturnParameter));
        var generic = method.IsGenericMethodDefinition
            ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">"
            : "";
        var name = IsOperator(method) ? OperatorName(method, returns) : method.Name + generic;
        return $"{Modifiers(method)}{container}.{name}({Parameters(method)}) -> {returns}";
    }

    private static IEnumerable<string> RenderProperty(PropertyInfo property)
    {
        var indexParameters = property.GetIndexParameters();
        var name = indexParameters.Length == 0
            ? property.Name
            : "this[" + string.Join(", ", indexParameters.Select(Parameter)) + "]";
        var container = TypeDisplay.Container(property.DeclaringType!);
        var type = TypeDisplay.Of(property.PropertyType, TypeDisplay.TupleNames(property));
        if (property.GetMethod is { } getter && IsVisible(getter))
            yield return $"{Modifiers(getter)}{container}.{name}.get -> {type}";
        if (property.SetMethod is { } setter && IsVisible(setter))
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            yield return $"{Modifiers(setter)}{container}.{name}.{(isInit ? "init" : "set")} -> void";
        }
    }

    private static string RenderField(FieldInfo field)
    {
        var container = TypeDisplay.Container(field.DeclaringType!);
        var type = TypeDisplay.Of(field.FieldType, TypeDisplay.TupleNames(field));
        if (field.IsLiteral)
            return $"const {container}.{field.Name} = {Literals.Of(field.GetRawConstantValue(), field.FieldType)} -> {type}";
        var modifiers = (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
        return $"{modifiers}{container}.{field.Name} -> {type}";
    }

    private static string RenderEvent(EventInfo @event) =>
        $"{Modifiers(@event.AddMethod!)}{TypeDisplay.Container(@event.DeclaringType!)}.{@event.Name} -> {TypeDisplay.Of(@event.EventHandlerType!)}";

    /// <summary>static / abstract / virtual / override / sealed override, as the listing prefixes them; none on interface members.</summary>
    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
            return method.IsAbstract ? "static abstract " : "static ";
        if (method.DeclaringType!.IsInterface)
            return "";
        if (method.IsAbstract)
            return "abstract ";
        var overrides = method.GetBaseDefinition().DeclaringType != method.DeclaringType;
        if (overrides)
            return method.IsFinal ? "sealed override " : "override ";
        return method.IsVirtual && !method.IsFinal ? "virtual " : "";
    }

    private static bool IsOperator(MethodInfo method) => method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal);

    private static string OperatorName(MethodInfo method, string returns) => method.Name switch
    {
        "op_Implicit" => "implicit operator " + returns,
        "op_Explicit" => "explicit operator " + returns,
        _ => "operator " + Literals.OperatorSymbol(method.Name),
    };

    private static string Parameters(MethodBase method)
    {
        var isExtension = method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false);
        return string.Join(", ", method.GetParameters().Select((p, i) => (i == 0 && isExtension ? "this " : "") + Parameter(p)));
    }

    private static string Parameter(ParameterInfo parameter)
    {
        var prefix = parameter.IsDefined(typeof(ParamArrayAttribute), false) ? "params " : "";
        if (parameter.ParameterType.IsByRef)
            prefix += parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
        var text = $"{prefix}{TypeDisplay.Of(parameter.ParameterType, TypeDisplay.TupleNames(parameter))} {parameter.Name}";
        return parameter.HasDefaultValue ? text + " = " + Literals.Of(parameter.RawDefaultValue, parameter.ParameterType) : text;
    }
}
