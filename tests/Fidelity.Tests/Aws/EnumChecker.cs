using Infra.Stacks.Loading;
using System.Reflection;
using Fidelity.Tests.Typings;

namespace Fidelity.Tests.Aws;

/// <summary>
/// An [EnumType] struct (e.g. <c>Pulumi.Aws.Lambda.Runtime</c>) against <c>export declare const Runtime: { readonly Dotnet8: "dotnet8"; ... }</c>
/// in <c>types/enums/&lt;module&gt;/index.d.ts</c>: every value must exist there, under the same member name.
/// </summary>
public static class EnumChecker
{
    public static IEnumerable<string> Check(Type type, TsDeclarationSet enumsFile)
    {
        var declaration = enumsFile.Find(type.Name);
        if (declaration is null)
        {
            yield return $"{type.FullName}: the typings declare no enum {type.Name}; the typings say: {enumsFile.File} has {string.Join(", ", enumsFile.All.Select(d => d.QualifiedName).DefaultIfEmpty("nothing"))}";
            yield break;
        }

        // Some enums list one value under two names (a current and a deprecated one); either name is real.
        var byValue = declaration.Members.ToLookup(m => m.TypeText.Trim('"'), StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type))
        {
            var value = property.GetValue(null)?.ToString() ?? "";
            var subject = $"{type.FullName}.{property.Name} [value '{value}']";
            var members = byValue[value].ToList();
            if (members.Count == 0)
            {
                var nearest = declaration.Members.MinBy(m => DidYouMean.Distance(m.TypeText.Trim('"'), value));
                yield return $"{subject}: not a value of the enum; the typings say: {type.Name} has no \"{value}\"{(nearest is null ? "" : $", nearest is '{nearest.Name}: {nearest.TypeText}'")}";
            }
            else if (members.All(m => m.Name != property.Name))
                yield return $"{subject}: the real C# SDK names it {members[0].Name}; the typings say: {members[0].Name}: {members[0].TypeText}";
        }
    }
}
