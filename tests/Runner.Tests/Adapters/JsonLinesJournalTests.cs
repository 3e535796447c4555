using System.Text.Json;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Adapters;

public sealed class JsonLinesJournalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("journal-").FullName;

    private string JournalPath => Path.Combine(folder, "nested", "staging.journal.jsonl");

    [Fact]
    public async Task Appends_one_json_object_per_line_and_reads_them_back_in_order()
    {
        var journal = new JsonLinesJournal(JournalPath);
        var first = new RolloutEvent(RolloutHarness.Start, "r1", RolloutEventKind.Started, "Rollout r1 started: web -> green", new Dictionary<string, string>());
        var second = new RolloutEvent(RolloutHarness.Start.AddMinutes(1), "r1", RolloutEventKind.AlarmTripped, "web-green-5xx is ALARM",
            new Dictionary<string, string> { ["web-green-5xx"] = "ALARM" });

        await journal.AppendAsync(first, CancellationToken.None);
        await journal.AppendAsync(second, CancellationToken.None);

        var lines = File.ReadAllLines(JournalPath);
        Assert.Equal(2, lines.Length);
        Assert.Equal("alarmTripped", JsonDocument.Parse(lines[1]).RootElement.GetProperty("kind").GetString());
        var read = journal.ReadAll();
        Assert.Equal([first.Message, second.Message], read.Select(e => e.Message));
        Assert.Equal([RolloutEventKind.Started, RolloutEventKind.AlarmTripped], read.Select(e => e.Kind));
        Assert.Equal("ALARM", read[1].Data["web-green-5xx"]);
        Assert.Equal(second.At, read[1].At);
    }

    [Fact]
    public void A_missing_journal_reads_as_empty()
    {
        Assert.Empty(new JsonLinesJournal(JournalPath).ReadAll());
    }

    [Fact]
    public async Task A_damaged_line_is_reported_with_its_number()
    {
        var journal = new JsonLinesJournal(JournalPath);
        await journal.AppendAsync(new RolloutEvent(RolloutHarness.Start, "r1", RolloutEventKind.Started, "started", new Dictionary<string, string>()), CancellationToken.None);
        await File.AppendAllTextAsync(JournalPath, "{not json\n");

        var error = Assert.Throws<RolloutInputException>(journal.ReadAll);

        Assert.StartsWith($"{JournalPath}: line 2 is not a journal event (", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
