using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Loading;

/// <summary>
/// Parses a stack file's text into one YAML document, turning every parser failure into one message with the line
/// and column where the mistake is (YamlDotNet reports some at line 1, and an unclosed flow list as an
/// <see cref="InvalidOperationException"/> without a position).
/// </summary>
public static class StackYaml
{
    /// <summary>The root node of the file's only document, or null when the file is empty.</summary>
    public static YamlNode? Load(string fileLabel, string text)
    {
        var parser = new FlowTrackingParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw new StackSettingsException([$"{fileLabel}: {Describe(e, parser, text)}"]);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new StackSettingsException(
                [$"{fileLabel}: line {second.Line}, column {second.Column}: a second YAML document; a stack file is one document, remove the --- and what follows"]);
        }
        return stream.Documents.Count == 1 ? stream.Documents[0].RootNode : null;
    }

    private static string Describe(Exception e, FlowTrackingParser parser, string text)
    {
        if (parser.InnermostOpenFlow is { } open)
        {
            var (opening, closing) = open.IsSequence ? ('[', ']') : ('{', '}');
            return $"line {open.Start.Line}, column {open.Start.Column}: not valid YAML: the {opening} opened here is not closed; close it with {closing}";
        }
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabInIndentation(text, e) is { } tab)
            return $"line {tab.Line}, column {tab.Column}: not valid YAML: a tab in the indentation; YAML indents with spaces only";
        if (e is YamlException yaml)
            return $"line {yaml.Start.Line}, column {yaml.Start.Column}: not valid YAML: {yaml.Message}";
        return $"line {parser.LastEnd.Line}, column {parser.LastEnd.Column}: not valid YAML: the file ends in the middle of a value";
    }

    // YamlDotNet places some tab errors at the start of the file or of the previous value: the first indentation
    // tab at or after that line is the one to fix.
    private static (int Line, int Column)? TabInIndentation(string text, Exception e)
    {
        var from = e is YamlException yaml ? (int)Math.Max(1, yaml.Start.Line) : 1;
        var lines = text.Split('\n');
        for (var i = from - 1; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0 && lines[i].Trim().Length > 0) return (i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>Remembers the collections open at the point the parser fails, to name an unclosed <c>[</c> or <c>{</c>.</summary>
    private sealed class FlowTrackingParser(IParser inner) : IParser
    {
        private readonly Stack<(Mark Start, bool IsSequence, bool IsFlow)> _open = new();

        public ParsingEvent? Current => inner.Current;

        public (Mark Start, bool IsSequence)? InnermostOpenFlow =>
            _open.Where(c => c.IsFlow).Select(c => ((Mark, bool)?)(c.Start, c.IsSequence)).FirstOrDefault();

        public Mark LastEnd { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            switch (inner.Current)
            {
                case SequenceStart start:
                    _open.Push((start.Start, true, start.Style == SequenceStyle.Flow));
                    break;
                case MappingStart start:
                    _open.Push((start.Start, false, start.Style == MappingStyle.Flow));
                    break;
                case SequenceEnd or MappingEnd when _open.Count > 0:
                    _open.Pop();
                    break;
            }
            if (inner.Current is { } current) LastEnd = current.End;
            return moved;
        }
    }
}
