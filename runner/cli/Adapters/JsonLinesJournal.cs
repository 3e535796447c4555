using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// The journal as a JSON-lines file: one event per line, appended and flushed as it happens, so a killed runner keeps
/// every line it wrote. <see cref="ReadAll"/> serves <c>history</c>. Drill events use the same format in a file of
/// their own (the drill command names it), so <c>history</c> never meets an event kind it does not know.
/// </summary>
public sealed class JsonLinesJournal(string path) : IJournal, IDrillJournal
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public string Path { get; } = path;

    public Task AppendAsync(RolloutEvent rolloutEvent, CancellationToken cancellationToken) => AppendLineAsync(rolloutEvent, cancellationToken);

    public Task AppendAsync(DrillEvent drillEvent, CancellationToken cancellationToken) => AppendLineAsync(drillEvent, cancellationToken);

    private async Task AppendLineAsync<T>(T value, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(value, Options) + "\n";
        await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
    }

    /// <summary>Every event in the file, oldest first; a missing file is an empty journal. A damaged line names its number.</summary>
    public IReadOnlyList<RolloutEvent> ReadAll()
    {
        if (!File.Exists(Path)) return [];
        var events = new List<RolloutEvent>();
        var number = 0;
        foreach (var line in File.ReadLines(Path))
        {
            number++;
            if (line.Length == 0) continue;
            try
            {
                events.Add(JsonSerializer.Deserialize<RolloutEvent>(line, Options) ?? throw new JsonException("the line is null"));
            }
            catch (JsonException error)
            {
                throw new RolloutInputException($"{Path}: line {number} is not a journal event ({error.Message})");
            }
        }

        return events;
    }
}
