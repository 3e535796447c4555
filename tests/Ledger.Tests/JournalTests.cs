namespace Infra.Ledger.Tests;

[Collection(LedgerServerCollection.Name)]
public class JournalTests(LedgerServerFixture server)
{
    [Fact]
    public async Task Events_from_two_machines_read_back_in_time_order_page_by_page_from_a_third()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ci = LedgerServerFixture.Machine(stack, "ci", time);
        var laptop = LedgerServerFixture.Machine(stack, "laptop", time);

        var appended = new List<LedgerEvent>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(await (i % 2 == 0 ? ci : laptop).AppendEventAsync(i % 2 == 0 ? "step" : "control", $$"""{"n":{{i}}}"""));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var reader = LedgerServerFixture.Machine(stack, "auditor", time);
        var first = await reader.ReadEventsAsync(pageSize: 2);
        Assert.Equal(appended.Take(2), first.Events);
        Assert.Equal(appended[1].Key, first.NextAfter);
        Assert.Equal(appended.Skip(2).Take(2), (await reader.ReadEventsAsync(first.NextAfter, pageSize: 2)).Events);

        var all = new List<LedgerEvent>();
        await foreach (var e in reader.ReadAllEventsAsync(pageSize: 2)) all.Add(e);
        Assert.Equal(appended, all);
        Assert.Equal(["step", "control", "step", "control", "step"], all.Select(e => e.Kind));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), all[0].At);
    }

    [Fact]
    public async Task The_journal_reads_newest_first_page_by_page_for_a_reader_that_wants_only_the_latest()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "ci", time);
        var appended = new List<LedgerEvent>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(await ledger.AppendEventAsync("step", $$"""{"n":{{i}}}"""));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var newest = new List<LedgerEvent>();
        await foreach (var e in LedgerServerFixture.Machine(stack, "laptop", time).ReadAllEventsNewestFirstAsync(pageSize: 2)) newest.Add(e);

        Assert.Equal(Enumerable.Reverse(appended), newest);
    }

    [Fact]
    public async Task Events_one_machine_appends_in_the_same_instant_keep_their_order()
    {
        var stack = await server.NewStackAsync();
        var ledger = LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock());

        var appended = new List<LedgerEvent>();
        for (var i = 0; i < 4; i++) appended.Add(await ledger.AppendEventAsync("step", $$"""{"n":{{i}}}"""));

        Assert.Equal(appended, (await ledger.ReadEventsAsync()).Events);
        Assert.Null((await ledger.ReadEventsAsync()).NextAfter);
    }

    [Fact]
    public async Task The_journal_does_not_include_the_release_or_lease_items()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "ci", time);
        await ledger.AcquireLeaseAsync("r-1", new LeaseProgress("deploying", 0, ["web"], "{}", TimeSpan.FromMinutes(1)));
        await ledger.WriteReleaseAsync(0, Stacks.Release.ReleaseState.Empty, Stacks.Release.ReleaseState.Empty, "ci");

        Assert.Empty((await ledger.ReadEventsAsync()).Events);
    }

    [Fact]
    public async Task Event_data_that_is_not_json_is_refused_before_anything_is_written()
    {
        var stack = await server.NewStackAsync();
        var ledger = LedgerServerFixture.Machine(stack, "ci", LedgerServerFixture.Clock());

        var e = await Assert.ThrowsAsync<ArgumentException>(() => ledger.AppendEventAsync("step", "weights 50"));

        Assert.Equal("journal event data must be a JSON document, got 'weights 50' (Parameter 'data')", e.Message);
        Assert.Empty((await ledger.ReadEventsAsync()).Events);
    }
}
