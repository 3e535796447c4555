using System.Text.Json;
using Infra.Runner.Adapters;
using Infra.Runner.Drill;
using Runner.Tests.Drill;

namespace Runner.Tests.Adapters;

public sealed class JsonLinesJournalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("journal-").FullName;

    private string JournalPath => Path.Combine(folder, "nested", "staging.drill.jsonl");

    [Fact]
    public async Task Appends_one_json_object_per_line_in_order_creating_the_folder()
    {
        var journal = new JsonLinesJournal(JournalPath);
        var first = new DrillEvent(DrillHarness.Start, "d1", DrillEventKind.Started, "Drill d1 started", new Dictionary<string, string>());
        var second = new DrillEvent(DrillHarness.Start.AddMinutes(1), "d1", DrillEventKind.RpoMeasured, "RPO 4 s",
            new Dictionary<string, string> { ["rpoSeconds"] = "4" });

        await journal.AppendAsync(first, CancellationToken.None);
        await journal.AppendAsync(second, CancellationToken.None);

        var lines = File.ReadAllLines(JournalPath).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["started", "rpoMeasured"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal("4", lines[1].GetProperty("data").GetProperty("rpoSeconds").GetString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
