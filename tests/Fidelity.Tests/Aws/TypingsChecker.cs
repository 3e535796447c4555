using Fidelity.Tests.Typings;

namespace Fidelity.Tests.Aws;

/// <summary>
/// Checks the public types of a provider SDK assembly (offline Pulumi.Aws / Pulumi.Random, or test fixtures) against
/// the provider's npm typings: resource tokens, class names, [Input]/[Output] wire names, required-ness, C# property
/// names and type shapes, nested input/output types, enum values, and invoke functions' args and results.
/// </summary>
public sealed class TypingsChecker(NpmPackageTypings typings, SdkConventions conventions, CSharpNameRule names)
{
    private readonly MemberComparer _members = new(conventions, names);

    public IReadOnlyList<string> Check(IEnumerable<Type> types)
    {
        var visible = types.Where(t => t.IsPublic || t.IsNestedPublic).ToList();
        var resources = visible.Where(IsResource).ToList();
        var problems = new List<string>();
        foreach (var type in visible.OrderBy(t => t.FullName, StringComparer.Ordinal))
            problems.AddRange(CheckType(type, resources));
        return problems;
    }

    private IEnumerable<string> CheckType(Type type, IReadOnlyList<Type> resources)
    {
        if (IsResource(type))
            return CheckResource(type);
        if (SdkConventions.HasAttribute(type, SdkConventions.EnumTypeAttribute))
            return EnumChecker.Check(type, typings.Enums(conventions.Module(type)));
        if (SdkConventions.HasAttribute(type, SdkConventions.OutputTypeAttribute))
            return SdkConventions.InNestedNamespace(type, "Outputs")
                ? CheckNested(type, typings.Outputs, [type.Name])
                : CheckFunctionType(type, "Result", "Result");
        if (IsArgs(type))
        {
            if (SdkConventions.InNestedNamespace(type, "Inputs"))
                return CheckNested(type, typings.Inputs, SdkConventions.InputInterfaceCandidates(type.Name).ToList());
            if (OwningResource(type, resources) is { } owner)
                return CheckResourceArgs(type, owner);
            if (type.Name.EndsWith("InvokeArgs", StringComparison.Ordinal))
                return CheckFunctionType(type, "InvokeArgs", "OutputArgs");
            return CheckFunctionType(type, "Args", "Args");
        }
        if (type is { IsAbstract: true, IsSealed: true } && type.Name.StartsWith("Get", StringComparison.Ordinal))
            return CheckFunction(type);
        return [$"{type.FullName}: the fidelity checker has no rule for this kind of type; the typings say: (not compared)"];
    }

    private IEnumerable<string> CheckResource(Type type)
    {
        var token = SdkConventions.ResourceToken(type);
        if (token is null)
        {
            yield return $"{type.FullName} [token none]: the class has no ResourceType attribute, so its type token cannot be checked; the typings say: (nothing looked up)";
            yield break;
        }
        var subject = $"{type.FullName} [token '{token}']";
        var file = typings.ForToken(token);
        if (file is null)
        {
            yield return $"{subject}: no resource of {typings.Label} has this type token; the typings say: nearest token is '{typings.NearestToken(token)}'";
            yield break;
        }

        var tsName = TypingsClassName(token);
        var module = TokenModule(token);
        if (module is not null && module != conventions.Module(type))
            yield return $"{subject}: the C# namespace stands for module '{conventions.Module(type)}', the token for '{module}'; the typings say: {token} in {typings.Tokens[token]}";
        if (type.Name != tsName)
            yield return $"{subject}: the real C# class is named {tsName}; the typings say: class {tsName} in {file.File}";

        var declaration = file.Find(tsName);
        if (declaration is null)
        {
            yield return $"{subject}: the typings declare no class {tsName}; the typings say: {file.File} has {string.Join(", ", file.All.Select(d => d.QualifiedName))}";
            yield break;
        }
        foreach (var member in SdkMembers.ResourceOutputs(type))
            foreach (var problem in _members.Compare(type, member, declaration, MemberRole.ResourceOutput))
                yield return problem;
    }

    // XArgs and XState belong to resource X of the same namespace and sit in its .d.ts.
    private IEnumerable<string> CheckResourceArgs(Type type, Type resource)
    {
        var suffix = type.Name[resource.Name.Length..];
        var token = SdkConventions.ResourceToken(resource);
        var file = token is null ? null : typings.ForToken(token);
        if (file is null)
            return []; // reported on the resource class
        var interfaceName = TypingsClassName(token!) + suffix;
        return CheckMembers(type, file, interfaceName, SdkMembers.Inputs(type), MemberRole.Input);
    }

    private IEnumerable<string> CheckNested(Type type, TsDeclarationSet file, IReadOnlyList<string> candidates)
    {
        var module = conventions.Module(type);
        var found = candidates.Select(c => ObjectShape.Qualified(module, c)).FirstOrDefault(q => file.Find(q) is not null);
        var qualified = found ?? ObjectShape.Qualified(module, candidates[0]);
        if (SdkConventions.HasAttribute(type, SdkConventions.OutputTypeAttribute))
        {
            var members = SdkMembers.OutputTypeMembers(type, wire => names.Expected(type, wire));
            if (members is null)
                return [$"{type.FullName}: the output type has no [OutputConstructor] constructor, so the engine cannot fill it; the typings say: {file.Find(qualified)?.Title ?? "(not found)"}"];
            return CheckMembers(type, file, qualified, members, MemberRole.OutputTypeField);
        }
        return CheckMembers(type, file, qualified, SdkMembers.Inputs(type), MemberRole.Input);
    }

    // GetX (static class), GetXArgs, GetXInvokeArgs (typings: GetXOutputArgs) and GetXResult live in <module>/getX.d.ts.
    private IEnumerable<string> CheckFunctionType(Type type, string csSuffix, string tsSuffix)
    {
        var functionName = type.Name.EndsWith(csSuffix, StringComparison.Ordinal) ? type.Name[..^csSuffix.Length] : type.Name;
        var file = typings.File(FunctionFile(type, functionName));
        var members = SdkConventions.HasAttribute(type, SdkConventions.OutputTypeAttribute)
            ? SdkMembers.OutputTypeMembers(type, wire => names.Expected(type, wire)) ?? []
            : SdkMembers.Inputs(type);
        var role = SdkConventions.HasAttribute(type, SdkConventions.OutputTypeAttribute) ? MemberRole.OutputTypeField : MemberRole.Input;
        return CheckMembers(type, file, functionName + tsSuffix, members, role);
    }

    private IEnumerable<string> CheckFunction(Type type)
    {
        var file = typings.File(FunctionFile(type, type.Name));
        if (!file.All.Any())
            yield return $"{type.FullName}: no invoke function {Names.CamelFirst(type.Name)} in {typings.Label}; the typings say: no declarations in {file.File}";
    }

    private IEnumerable<string> CheckMembers(Type type, TsDeclarationSet file, string qualifiedName, IReadOnlyList<SdkMember> members, MemberRole role)
    {
        var declaration = file.Find(qualifiedName);
        if (declaration is null)
            return [$"{type.FullName}: the typings declare no {qualifiedName} for it; the typings say: {file.File} has no interface {qualifiedName}"];
        return members.SelectMany(m => _members.Compare(type, m, declaration, role));
    }

    private string FunctionFile(Type type, string functionName)
    {
        var module = conventions.Module(type);
        var stem = Names.CamelFirst(functionName);
        return module.Length == 0 ? stem + ".d.ts" : $"{module}/{stem}.d.ts";
    }

    private static bool IsResource(Type type) => SdkConventions.DerivesFrom(type, SdkConventions.CustomResource);

    private static bool IsArgs(Type type) =>
        SdkConventions.DerivesFrom(type, SdkConventions.ResourceArgs) || SdkConventions.DerivesFrom(type, SdkConventions.InvokeArgs);

    private static Type? OwningResource(Type args, IReadOnlyList<Type> resources) =>
        resources.FirstOrDefault(r => r.Namespace == args.Namespace && (args.Name == r.Name + "Args" || args.Name == r.Name + "State"));

    /// <summary><c>aws:ec2/vpc:Vpc</c> → Vpc; a provider (<c>pulumi:providers:aws</c>) → Provider.</summary>
    private static string TypingsClassName(string token) =>
        token.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? "Provider" : token[(token.LastIndexOf(':') + 1)..];

    /// <summary><c>aws:ec2/vpc:Vpc</c> → ec2; <c>index</c> → empty; null for a provider token.</summary>
    private static string? TokenModule(string token)
    {
        if (token.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            return null;
        var parts = token.Split(':');
        var module = parts.Length == 3 ? parts[1].Split('/')[0] : "";
        return module == "index" ? "" : module;
    }
}
