using System.Text;
using System.Text.RegularExpressions;

namespace Fidelity.Tests.Typings;

/// <summary>
/// Reads the declarations a generated Pulumi .d.ts holds: namespaces, classes, interfaces and <c>declare const X: {...}</c>
/// objects, with their properties. Methods, constructors, statics and index signatures are skipped. Not a general
/// TypeScript parser: it relies on the generator's layout (members end with ';', bodies are balanced braces).
/// </summary>
public static partial class TsDeclarationParser
{
    public static TsDeclarationSet Parse(string text, string file)
    {
        var declarations = new Dictionary<string, TsDeclaration>(StringComparer.Ordinal);
        var source = StripComments(text);
        var position = 0;
        ParseBlock(source, ref position, "", declarations);
        return new TsDeclarationSet(file, declarations);
    }

    private static void ParseBlock(string source, ref int position, string prefix, Dictionary<string, TsDeclaration> into)
    {
        while (true)
        {
            SkipWhitespace(source, ref position);
            if (position >= source.Length)
                return;
            if (source[position] == '}')
            {
                position++;
                return;
            }

            var headerStart = position;
            var terminator = ScanToTerminator(source, ref position);
            var header = Collapse(source[headerStart..position]);
            position++; // past '{' or ';'
            if (terminator != '{')
                continue;

            if (NamespaceHeader().Match(header) is { Success: true } ns)
            {
                ParseBlock(source, ref position, Qualify(prefix, ns.Groups["name"].Value), into);
                continue;
            }

            var body = ReadBody(source, ref position);
            if (TypeHeader().Match(header) is { Success: true } type)
            {
                var name = Qualify(prefix, type.Groups["name"].Value);
                into[name] = new TsDeclaration(type.Groups["kind"].Value, name, ParseMembers(body));
            }
            SkipRestOfStatement(source, ref position);
        }
    }

    /// <summary>Splits a body at top-level ';' and keeps the property members.</summary>
    public static IReadOnlyList<TsMember> ParseMembers(string body)
    {
        var members = new List<TsMember>();
        foreach (var raw in SplitTopLevel(body, ';'))
        {
            var text = Collapse(raw);
            var isReadonly = text.StartsWith("readonly ", StringComparison.Ordinal);
            if (isReadonly)
                text = text["readonly ".Length..];
            var match = PropertyMember().Match(text);
            if (!match.Success)
                continue;
            members.Add(new TsMember(
                match.Groups["name"].Value.Trim('"', '\''),
                match.Groups["optional"].Success,
                isReadonly,
                match.Groups["type"].Value.Trim()));
        }
        return members;
    }

    /// <summary>Splits at a separator outside (), [], {} and &lt;&gt; (arrows '=>' do not count as a closing bracket).</summary>
    public static IEnumerable<string> SplitTopLevel(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '{' or '<') depth++;
            else if (c is ')' or ']' or '}' || (c == '>' && (i == 0 || text[i - 1] != '='))) depth--;
            else if (c == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        if (start < text.Length)
            yield return text[start..];
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static char ScanToTerminator(string source, ref int position)
    {
        var depth = 0;
        for (; position < source.Length; position++)
        {
            var c = source[position];
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (depth == 0 && c is '{' or ';') return c;
            else if (c is '"' or '\'' or '`') SkipString(source, ref position);
        }
        return ';';
    }

    private static string ReadBody(string source, ref int position)
    {
        var start = position;
        var depth = 1;
        for (; position < source.Length; position++)
        {
            var c = source[position];
            if (c is '"' or '\'' or '`') SkipString(source, ref position);
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) break;
        }
        var body = source[start..Math.Min(position, source.Length)];
        position++;
        return body;
    }

    // After a brace body: `;` ends e.g. `declare const X: {...};`; class and interface bodies end with the brace.
    private static void SkipRestOfStatement(string source, ref int position)
    {
        var probe = position;
        SkipWhitespace(source, ref probe);
        if (probe < source.Length && source[probe] == ';')
            position = probe + 1;
    }

    private static void SkipWhitespace(string source, ref int position)
    {
        while (position < source.Length && char.IsWhiteSpace(source[position]))
            position++;
    }

    private static void SkipString(string source, ref int position)
    {
        var quote = source[position];
        for (position++; position < source.Length && source[position] != quote; position++)
            if (source[position] == '\\') position++;
    }

    private static string StripComments(string text)
    {
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                var start = i;
                SkipString(text, ref i);
                output.Append(text, start, Math.Min(i + 1, text.Length) - start);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
                output.Append(' ');
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end - 1;
            }
            else output.Append(c);
        }
        return output.ToString();
    }

    private static string Qualify(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    [GeneratedRegex(@"^(export )?(declare )?namespace (?<name>[\w.]+)$")]
    private static partial Regex NamespaceHeader();

    [GeneratedRegex(@"^(export )?(declare )?(abstract )?(?<kind>class|interface|const) (?<name>\w+)\b")]
    private static partial Regex TypeHeader();

    [GeneratedRegex(@"^(?<name>[A-Za-z_$][\w$]*|""[^""]+""|'[^']+')(?<optional>\?)?: (?<type>.+)$", RegexOptions.Singleline)]
    private static partial Regex PropertyMember();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
