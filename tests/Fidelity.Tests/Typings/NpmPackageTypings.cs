using Infra.Stacks.Loading;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fidelity.Tests.Typings;

/// <summary>
/// One unpacked Pulumi npm package (<c>@pulumi/aws</c>, <c>@pulumi/random</c>): every resource type token, indexed once
/// from the <c>__pulumiType</c> of each .js file, and the parsed .d.ts files, each parsed once on first use.
/// </summary>
public sealed partial class NpmPackageTypings
{
    private readonly ConcurrentDictionary<string, TsDeclarationSet> _files = new(StringComparer.Ordinal);

    private NpmPackageTypings(string root, string label, IReadOnlyDictionary<string, string> tokens)
    {
        Root = root;
        Label = label;
        Tokens = tokens;
    }

    /// <summary>The package folder (the one holding package.json).</summary>
    public string Root { get; }

    /// <summary>Name and version from package.json, e.g. <c>@pulumi/aws 7.48.0</c>.</summary>
    public string Label { get; }

    /// <summary>Type token to the package-relative .js file declaring it; a provider's token is <c>pulumi:providers:&lt;pkg&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    public string Version => Label[(Label.LastIndexOf(' ') + 1)..];

    public static NpmPackageTypings Load(string root)
    {
        using var package = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(root, "package.json")));
        var label = $"{package.RootElement.GetProperty("name").GetString()} {package.RootElement.GetProperty("version").GetString()}";

        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.js", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("node_modules/", StringComparison.Ordinal) || relative.StartsWith("types/", StringComparison.Ordinal))
                continue;
            foreach (Match match in PulumiType().Matches(System.IO.File.ReadAllText(file)))
            {
                var token = match.Groups["token"].Value;
                tokens[token.Contains(':') ? token : "pulumi:providers:" + token] = relative;
            }
        }
        return new NpmPackageTypings(root, label, tokens);
    }

    /// <summary>The declarations of a package-relative .d.ts file; empty when the package has no such file.</summary>
    public TsDeclarationSet File(string relativePath) =>
        _files.GetOrAdd(relativePath, path =>
        {
            var full = Path.Combine(Root, path);
            return System.IO.File.Exists(full)
                ? TsDeclarationParser.Parse(System.IO.File.ReadAllText(full), path)
                : TsDeclarationSet.Empty(path);
        });

    /// <summary>The .d.ts next to the .js that declares a token.</summary>
    public TsDeclarationSet? ForToken(string token) =>
        Tokens.TryGetValue(token, out var js) ? File(js[..^".js".Length] + ".d.ts") : null;

    public TsDeclarationSet Inputs => File("types/input.d.ts");

    public TsDeclarationSet Outputs => File("types/output.d.ts");

    /// <summary>The enum consts of a module (<c>types/enums/lambda/index.d.ts</c>); the top level for an empty module.</summary>
    public TsDeclarationSet Enums(string module) =>
        File(module.Length == 0 ? "types/enums/index.d.ts" : $"types/enums/{module}/index.d.ts");

    /// <summary>The known token nearest to <paramref name="token"/> (same suffix or same module first), for messages.</summary>
    public string? NearestToken(string token)
    {
        var name = token[(token.LastIndexOf(':') + 1)..];
        return Tokens.Keys
            .OrderBy(t => t.EndsWith(":" + name, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(t => DidYouMean.Distance(t, token))
            .ThenBy(t => t, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"__pulumiType = '(?<token>[^']+)'")]
    private static partial Regex PulumiType();
}
