using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Ledger.Tests;

[Collection(LedgerServerCollection.Name)]
public class ReleaseItemTests(LedgerServerFixture server)
{
    private static ReleaseState Web(string image) => ReleaseState.Empty.With("web",
        new ServiceRelease(Color.Blue, new ColorPair<int>(100, 0), new ColorPair<string?>(image, null), new ColorPair<bool>(true, false)));

    [Fact]
    public async Task A_stack_without_a_release_reads_null_and_the_first_write_is_version_1()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ledger = LedgerServerFixture.Machine(stack, "ci", time);

        Assert.Null(await ledger.ReadReleaseAsync());
        var written = await ledger.WriteReleaseAsync(0, Web("web:2"), Web("web:1"), "runner on ci");

        var read = await LedgerServerFixture.Machine(stack, "laptop", time).ReadReleaseAsync();
        Assert.Equal(new ReleaseRecord(1, Web("web:2"), Web("web:1"), time.GetUtcNow(), "runner on ci"), read);
        Assert.Equal(written, read);
    }

    [Fact]
    public async Task Of_two_writers_of_the_same_version_exactly_one_wins_and_the_other_is_told_both_versions()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        await LedgerServerFixture.Machine(stack, "a", time).WriteReleaseAsync(0, Web("web:1"), Web("web:1"), "a");

        var writes = new[] { "web:2", "web:3" }.Select(image =>
            Capture(LedgerServerFixture.Machine(stack, image, time).WriteReleaseAsync(1, Web(image), Web("web:1"), image))).ToList();
        var outcomes = await Task.WhenAll(writes);

        var won = Assert.Single(outcomes, o => o.Record is not null).Record!;
        var lost = Assert.IsType<ReleaseVersionConflictException>(Assert.Single(outcomes, o => o.Error is not null).Error);
        Assert.Equal(
            $"stack {stack}: the release changed while this command ran: expected version 1, the ledger holds version 2; nothing was written, read the release again",
            lost.Message);
        Assert.Equal((1, 2), (lost.ExpectedVersion, lost.ActualVersion));
        Assert.Equal(won, await LedgerServerFixture.Machine(stack, "reader", time).ReadReleaseAsync());
    }

    [Fact]
    public async Task A_first_write_when_a_release_exists_is_refused()
    {
        var stack = await server.NewStackAsync();
        var ledger = LedgerServerFixture.Machine(stack, "a", LedgerServerFixture.Clock());
        await ledger.WriteReleaseAsync(0, Web("web:1"), Web("web:1"), "a");

        var e = await Assert.ThrowsAsync<ReleaseVersionConflictException>(() => ledger.WriteReleaseAsync(0, Web("web:2"), Web("web:1"), "a"));

        Assert.Equal(
            $"stack {stack}: the release changed while this command ran: expected version 0, the ledger holds version 1; nothing was written, read the release again",
            e.Message);
        Assert.Equal(Web("web:1"), (await ledger.ReadReleaseAsync())!.Desired);
    }

    [Fact]
    public async Task A_write_expecting_a_version_when_there_is_no_release_says_there_is_none()
    {
        var stack = await server.NewStackAsync();
        var ledger = LedgerServerFixture.Machine(stack, "a", LedgerServerFixture.Clock());

        var e = await Assert.ThrowsAsync<ReleaseVersionConflictException>(() => ledger.WriteReleaseAsync(3, Web("web:2"), Web("web:1"), "a"));

        Assert.Equal(
            $"stack {stack}: the release changed while this command ran: expected version 3, the ledger holds version 0 (no release yet); nothing was written, read the release again",
            e.Message);
    }

    private static async Task<(ReleaseRecord? Record, Exception? Error)> Capture(Task<ReleaseRecord> write)
    {
        try
        {
            return (await write, null);
        }
        catch (ReleaseVersionConflictException e)
        {
            return (null, e);
        }
    }
}
