using System.Net;
using System.Text;

namespace Infra.Runner.PlanDiff;

/// <summary>Escaping for text placed in a GitHub pull-request comment.</summary>
public static class MarkdownText
{
    private const string Specials = "\\`*_[]<>|~";

    /// <summary>Prose with Markdown's inline specials backslash-escaped, so values cannot turn into markup.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Specials.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A code span that survives any content: the fence is one backtick longer than the longest run inside. In a table
    /// cell a pipe must still be escaped, even inside code.
    /// </summary>
    public static string Code(string text, bool inTable = false)
    {
        var body = inTable ? text.Replace("|", "\\|") : text;
        var longestRun = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', longestRun + 1);
        var pad = longestRun > 0 || body.StartsWith(' ') || body.EndsWith(' ') ? " " : "";
        return $"{fence}{pad}{body}{pad}{fence}";
    }

    /// <summary>Text inside HTML such as a &lt;summary&gt;.</summary>
    public static string Html(string text) => WebUtility.HtmlEncode(text);
}
