using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fidelity.Tests.NameClash;

/// <summary>A namespace a file imports, and where: <c>path:line</c> of the using directive, or the project file's Using item.</summary>
public sealed record Import(string Namespace, string Where);

/// <summary>A type declared directly in a namespace (nested types are not imported by a using directive).</summary>
public sealed record DeclaredType(string Namespace, TypeName Name, string Where);

/// <summary>
/// One C# file as name lookup sees it: what it imports, the names it aliases, the namespaces and types it declares, and
/// the simple names its code looks up (comments and doc comments excluded), since only a name in use can be ambiguous.
/// </summary>
public sealed record SourceFile(
    string Path, IReadOnlyList<Import> Imports, IReadOnlySet<string> Aliases, IReadOnlyList<string> Namespaces,
    IReadOnlyList<DeclaredType> Types, IReadOnlySet<string> Mentions);

/// <summary>Reads using directives and namespace-level type declarations from C# source with the Roslyn parser.</summary>
public static class SourceScanner
{
    /// <param name="path">The path messages show, relative to the repository.</param>
    /// <param name="projectImports">Imports every file of the project has: <c>global using</c> directives and the project's Using items.</param>
    public static SourceFile Parse(string path, string text, IEnumerable<Import> projectImports)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var usings = root.DescendantNodes().OfType<UsingDirectiveSyntax>().ToList();
        var imports = usings
            .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None) && u.Name is not null)
            .Select(u => new Import(u.Name!.ToString(), $"{path}:{Line(u)}"))
            .Concat(projectImports)
            .ToList();
        var aliases = usings.Where(u => u.Alias is not null).Select(u => u.Alias!.Name.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        var types = root.DescendantNodes()
            .OfType<MemberDeclarationSyntax>()
            .Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && m.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .Select(m => new DeclaredType(NamespaceOf(m), Name(m), $"{path}:{Line(m)}"))
            .ToList();
        var mentions = root.DescendantNodes()
            .OfType<SimpleNameSyntax>()
            .Where(IsLookedUpByName)
            .Select(n => n.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        var namespaces = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(NamespaceOf).ToList();
        return new SourceFile(path, imports, aliases, namespaces, types, mentions);
    }

    /// <summary>The <c>global using</c> directives of a file, which every file of its project imports.</summary>
    public static IEnumerable<Import> GlobalImports(string path, string text) =>
        ((CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot()).Usings
            .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Name is not null)
            .Select(u => new Import(u.Name!.ToString(), $"{path}:{Line(u)}"));

    /// <summary>
    /// A simple name C# resolves through the enclosing namespaces and imports; not the member after a dot, nor an argument
    /// or initializer member name, nor a using directive's own name.
    /// </summary>
    private static bool IsLookedUpByName(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name != name,
        QualifiedNameSyntax qualified => qualified.Right != name && !InDirectiveOrNamespaceName(name),
        NameColonSyntax or NameEqualsSyntax => false,
        AssignmentExpressionSyntax assignment => !(assignment.Left == name && assignment.Parent is InitializerExpressionSyntax),
        _ => !InDirectiveOrNamespaceName(name),
    };

    private static bool InDirectiveOrNamespaceName(SyntaxNode node) =>
        node.Ancestors().Any(a => a is UsingDirectiveSyntax || a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(node.Span));

    private static TypeName Name(MemberDeclarationSyntax member) => member switch
    {
        TypeDeclarationSyntax t => new(t.Identifier.ValueText, t.TypeParameterList?.Parameters.Count ?? 0),
        DelegateDeclarationSyntax d => new(d.Identifier.ValueText, d.TypeParameterList?.Parameters.Count ?? 0),
        BaseTypeDeclarationSyntax b => new(b.Identifier.ValueText, 0),
        _ => throw new ArgumentException($"not a type declaration: {member.Kind()}", nameof(member)),
    };

    private static string NamespaceOf(SyntaxNode node) =>
        string.Join(".", node.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
