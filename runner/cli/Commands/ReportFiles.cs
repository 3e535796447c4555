using System.Globalization;
using Serilog;

namespace Infra.Runner.Commands;

/// <summary>The Markdown and JSON reports of a drill, failover or fail-back, side by side on disk.</summary>
public static class ReportFiles
{
    /// <summary>The Markdown report's default path: in this machine's runner folder, named after what ran, the stack and when it started (UTC).</summary>
    public static string DefaultPath(RunnerSettings settings, string name, DateTimeOffset startedAt) => Path.Combine(settings.LocalFolder,
        $"{name}-{settings.Stack}-{startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");

    /// <summary>The JSON report beside the Markdown one: the same name with <c>.json</c>.</summary>
    public static string JsonPath(string markdownPath) => Path.ChangeExtension(markdownPath, ".json");

    /// <summary>Writes both (creating the folder), never cancelled: a report must outlive Ctrl+C.</summary>
    public static async Task WriteAsync(string markdownPath, string markdown, string json, ILogger logger)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(markdownPath));
        if (folder is not null) Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(markdownPath, markdown, CancellationToken.None);
        await File.WriteAllTextAsync(JsonPath(markdownPath), json, CancellationToken.None);
        logger.Information("Reports written to {Markdown:l} and {Json:l}", markdownPath, JsonPath(markdownPath));
    }
}
