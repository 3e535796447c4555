using Fidelity.Tests.Typings;

namespace Fidelity.Tests.NameClash;

/// <summary>A type name as C# looks it up through a using directive: simple name and generic arity.</summary>
public readonly record struct TypeName(string Name, int Arity)
{
    public override string ToString() => Arity == 0 ? Name : $"{Name}`{Arity}";

    /// <summary><c>Union&lt;T0, T1&gt;</c> → (Union, 2).</summary>
    public static TypeName Parse(string text)
    {
        var open = text.IndexOf('<');
        return open < 0 ? new(text, 0) : new(text[..open], text[open..].Count(c => c == ',') + 1);
    }
}

/// <summary>
/// The public types of the real packages that the offline SDK stands in for, by namespace, from the facts the fidelity
/// tests already read: the PublicAPI listings (Pulumi, Pulumi.Automation), the verified CloudWatch member list, and the
/// npm typings of @pulumi/aws and @pulumi/random, from which the generated C# names follow (resource X gives X, XArgs,
/// XState; function getX gives GetX, GetXArgs, GetXInvokeArgs, GetXResult; nested input X gives XArgs and XGetArgs;
/// nested output X gives X; the provider gives Provider and ProviderArgs; config/vars gives Config; enums keep their names).
/// </summary>
public sealed class RealTypeCatalog
{
    private readonly Dictionary<string, Dictionary<TypeName, string>> _byNamespace = new(StringComparer.Ordinal);

    /// <summary>Namespaces under these roots belong to packages the offline SDK replaces: only there can a clash hide.</summary>
    public static readonly string[] OfflineRoots = ["Pulumi", "Amazon.CloudWatch"];

    public static bool IsOfflineReplaced(string ns) =>
        OfflineRoots.Any(root => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));

    private readonly List<string> _providerRoots = new();

    /// <summary>The real public types of a namespace, each with where that fact comes from; null when nothing is known of it.</summary>
    public IReadOnlyDictionary<TypeName, string>? TypesOf(string ns) => _byNamespace.GetValueOrDefault(Key(ns));

    // A provider namespace is looked up by module (Pulumi.Aws.LB is module lb), as the generator derives one from the other.
    private string Key(string ns)
    {
        var root = _providerRoots.Where(r => ns == r || ns.StartsWith(r + ".", StringComparison.Ordinal)).MaxBy(r => r.Length);
        if (root is null)
            return ns;
        var segments = ns == root ? [] : ns[(root.Length + 1)..].Split('.');
        var kind = segments.Length > 0 && segments[^1] is "Inputs" or "Outputs" ? segments[^1] : "";
        var module = segments.Length > (kind.Length > 0 ? 1 : 0) ? segments[0].ToLowerInvariant() : "index";
        return ProviderKey(root, module, kind);
    }

    private static string ProviderKey(string root, string module, string kind) => $"{root}|{module}|{kind}";

    private void Add(string key, TypeName name, string source)
    {
        if (!_byNamespace.TryGetValue(key, out var types))
            _byNamespace[key] = types = new Dictionary<TypeName, string>();
        types.TryAdd(name, source);
    }

    /// <summary>
    /// The types of a PublicAPI-format listing: the lines that are a bare type name (members have a signature). A type
    /// whose container is itself a listed type is nested, which a using directive does not import.
    /// </summary>
    public void AddListing(IEnumerable<string> lines, string source)
    {
        var typeLines = Names.DataLines(lines)
            .Select(l => l.Line.Split(" | ")[0].TrimStart('~'))
            .Where(l => !l.Contains('(') && !l.Contains(" -> ", StringComparison.Ordinal) && !l.Contains(" = ", StringComparison.Ordinal))
            .Where(l => !l.Contains(' ') || l.Contains('<'))
            .ToList();
        var heads = typeLines.Select(l => l.Split('<')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var line in typeLines)
        {
            var head = line.Split('<')[0];
            var dot = head.LastIndexOf('.');
            if (dot <= 0 || heads.Contains(head[..dot]))
                continue;
            Add(head[..dot], TypeName.Parse(line[(dot + 1)..]), source);
        }
    }

    /// <summary>The C# types a generated provider SDK declares under <paramref name="root"/> (e.g. Pulumi.Aws), from its typings.</summary>
    public void AddProvider(NpmPackageTypings typings, string root)
    {
        var label = typings.Label + " typings";
        _providerRoots.Add(root);
        foreach (var (token, _) in typings.Tokens)
        {
            if (token.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            {
                AddTo(ProviderKey(root, "index", ""), ["Provider", "ProviderArgs"], label);
                continue;
            }
            var parts = token.Split(':');
            var name = parts[2];
            AddTo(ProviderKey(root, parts[1].Split('/')[0], ""), [name, name + "Args", name + "State"], label);
        }
        if (File.Exists(Path.Combine(typings.Root, "config", "vars.d.ts")))
            AddTo(ProviderKey(root, "index", ""), ["Config"], label);

        foreach (var file in Directory.EnumerateFiles(typings.Root, "get*.d.ts", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(typings.Root, file).Replace('\\', '/');
            if (relative.StartsWith("types/", StringComparison.Ordinal) || relative.StartsWith("node_modules/", StringComparison.Ordinal))
                continue;
            var folder = relative.Contains('/') ? relative[..relative.LastIndexOf('/')] : "index";
            var function = Names.Pascal(Path.GetFileName(relative)[..^".d.ts".Length]);
            AddTo(ProviderKey(root, folder, ""), [function, function + "Args", function + "InvokeArgs", function + "Result"], label);
        }

        foreach (var (set, kind) in new[] { (typings.Inputs, "Inputs"), (typings.Outputs, "Outputs") })
        {
            foreach (var declaration in set.All)
            {
                var dot = declaration.QualifiedName.IndexOf('.');
                var module = dot < 0 ? "index" : declaration.QualifiedName[..dot];
                var name = declaration.QualifiedName[(dot + 1)..];
                if (name.Contains('.'))
                    continue;
                AddTo(ProviderKey(root, module, kind), kind == "Outputs" ? [name] : [name + "Args", name + "GetArgs"], label);
            }
        }

        var enums = Path.Combine(typings.Root, "types", "enums");
        if (Directory.Exists(enums))
        {
            foreach (var file in Directory.EnumerateFiles(enums, "index.d.ts", SearchOption.AllDirectories))
            {
                var folder = Path.GetRelativePath(enums, Path.GetDirectoryName(file)!).Replace('\\', '/');
                var module = folder == "." ? "" : folder;
                foreach (var declaration in typings.Enums(module).All.Where(d => !d.QualifiedName.Contains('.')))
                    AddTo(ProviderKey(root, module.Length == 0 ? "index" : module, ""), [declaration.QualifiedName], label);
            }
        }
    }

    private void AddTo(string key, IEnumerable<string> names, string source)
    {
        foreach (var name in names)
            Add(key, new(name, 0), source);
    }
}
