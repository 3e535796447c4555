using System.Text;
using System.Text.Json;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// The drill's journal as a JSON-lines file next to its report: one event per line, appended and flushed as it
/// happens, so a killed drill keeps every line it wrote. (Rollout events live in the ledger: <see cref="LedgerJournal"/>.)
/// </summary>
public sealed class JsonLinesJournal(string path) : IDrillJournal
{
    public string Path { get; } = path;

    public async Task AppendAsync(DrillEvent drillEvent, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(drillEvent, RolloutRecordJson.Options) + "\n";
        await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
    }
}
