namespace Fidelity.Tests.Typings;

/// <summary>A property of a TypeScript class, interface or const object type, with its type text as written.</summary>
public sealed record TsMember(string Name, bool Optional, bool Readonly, string TypeText)
{
    /// <summary>The member as a .d.ts would show it, whitespace collapsed: <c>readonly arn: pulumi.Output&lt;string&gt;</c>.</summary>
    public string Text => $"{(Readonly ? "readonly " : "")}{Name}{(Optional ? "?" : "")}: {TypeText}";
}

/// <summary>A class, interface or const declaration with its properties, keyed in <see cref="TsDeclarationSet"/> by qualified name.</summary>
public sealed record TsDeclaration(string Kind, string QualifiedName, IReadOnlyList<TsMember> Members)
{
    public TsMember? Member(string name) => Members.FirstOrDefault(m => m.Name == name);

    public string Title => $"{Kind} {QualifiedName}";
}

/// <summary>The declarations of one .d.ts file, by qualified name (<c>ec2.SecurityGroupIngress</c>, or <c>VpcArgs</c> at top level).</summary>
public sealed class TsDeclarationSet(string file, IReadOnlyDictionary<string, TsDeclaration> declarations)
{
    public static TsDeclarationSet Empty(string file) => new(file, new Dictionary<string, TsDeclaration>());

    /// <summary>The package-relative path of the file, e.g. <c>ec2/vpc.d.ts</c>.</summary>
    public string File { get; } = file;

    public TsDeclaration? Find(string qualifiedName) => declarations.GetValueOrDefault(qualifiedName);

    public IEnumerable<TsDeclaration> All => declarations.Values;
}
