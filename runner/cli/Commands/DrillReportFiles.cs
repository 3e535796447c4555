using Infra.Runner.Drill;
using Serilog;

namespace Infra.Runner.Commands;

/// <summary>The drill's report files at <c>--report</c> (Markdown) and beside it (JSON).</summary>
public sealed class DrillReportFiles(string markdownPath, ILogger logger) : IDrillReportFiles
{
    public Task WriteAsync(string markdown, string json) => ReportFiles.WriteAsync(markdownPath, markdown, json, logger);
}
