using Infra.Stacks.Loading;
using Fidelity.Tests.PublicApi;
using Fidelity.Tests.Typings;

namespace Fidelity.Tests.Aws;

/// <summary>What a wire-mapped member is, which decides the checks that apply to it.</summary>
public enum MemberRole
{
    /// <summary>An [Input] of an args/state class: required-ness must match the typings.</summary>
    Input,

    /// <summary>An [Output] of a resource class: must be a readonly output of the typings class.</summary>
    ResourceOutput,

    /// <summary>A constructor parameter of an [OutputType] class.</summary>
    OutputTypeField,
}

/// <summary>
/// Compares one C# member with the typings member of the same wire name. Every message reads
/// <c>&lt;C# type&gt;.&lt;C# member&gt; [wire '&lt;name&gt;']: &lt;problem&gt;; the typings say: &lt;what the .d.ts has&gt;</c>.
/// </summary>
public sealed class MemberComparer(SdkConventions conventions, CSharpNameRule names)
{
    public IEnumerable<string> Compare(Type type, SdkMember member, TsDeclaration declaration, MemberRole role)
    {
        var subject = $"{type.FullName}.{member.CSharpName} [wire '{member.Wire}']";
        var ts = declaration.Member(member.Wire);
        if (ts is null)
        {
            yield return $"{subject}: not declared in the typings; the typings say: {declaration.Title} has no '{member.Wire}'{Nearest(declaration, member.Wire)}";
            yield break;
        }

        var expected = names.Expected(type, member.Wire);
        if (member.CSharpName != expected)
            yield return $"{subject}: the real C# SDK names it {expected}; the typings say: {ts.Text}";

        if (role == MemberRole.Input && member.Required == ts.Optional)
            yield return member.Required
                ? $"{subject}: required in C# but optional in the typings; the typings say: {ts.Text}"
                : $"{subject}: optional in C# but required in the typings; the typings say: {ts.Text}";

        if (role == MemberRole.ResourceOutput && !ts.Readonly)
            yield return $"{subject}: not a readonly output in the typings; the typings say: {ts.Text}";

        var csShape = SdkTypeShapes.Of(member.ValueType, conventions);
        var tsShape = TsTypeShapes.Parse(ts.TypeText);
        if (!SdkTypeShapes.Fits(csShape, tsShape))
            yield return $"{subject}: the C# type is {csShape.Describe()}, not {tsShape.Describe()}; the typings say: {ts.Text}";
        else if (role != MemberRole.Input && NullabilityMismatch(member.ValueType, ts) is { } problem)
            yield return $"{subject}: {problem}; the typings say: {ts.Text}";
    }

    // Only value types: `int` vs `int?` changes what compiles; reference-type annotations are warnings only.
    private static string? NullabilityMismatch(Type valueType, TsMember ts)
    {
        var type = valueType.IsGenericType && valueType.GetGenericTypeDefinition().FullName == "Pulumi.Output`1"
            ? valueType.GetGenericArguments()[0]
            : valueType;
        if (!type.IsValueType || (type.IsGenericType && type.Namespace == "System.Collections.Immutable"))
            return null;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        var optional = ts.Optional || TsTypeShapes.AdmitsUndefined(ts.TypeText);
        if (nullable == optional)
            return null;
        return nullable
            ? $"the C# type {TypeDisplay.Of(type)} is nullable but the typings always set it"
            : $"the C# type {TypeDisplay.Of(type)} is not nullable but the typings make it optional";
    }

    private static string Nearest(TsDeclaration declaration, string wire)
    {
        var nearest = declaration.Members.MinBy(m => DidYouMean.Distance(m.Name.ToLowerInvariant(), wire.ToLowerInvariant()));
        return nearest is null ? "" : $", nearest is '{nearest.Text}'";
    }
}
