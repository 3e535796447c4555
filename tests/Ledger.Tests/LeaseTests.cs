namespace Infra.Ledger.Tests;

[Collection(LedgerServerCollection.Name)]
public class LeaseTests(LedgerServerFixture server)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private static LeaseProgress Progress(string phase, int step) =>
        new(phase, step, ["web"], $$"""{"phase":"{{phase}}","step":{{step}}}""", Ttl);

    [Fact]
    public async Task Of_two_runners_racing_for_the_lease_exactly_one_wins_and_the_other_is_told_who_holds_it()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var runners = new[] { "host-a", "host-b" }.Select(host => LedgerServerFixture.Machine(stack, host, time)).ToList();

        var outcomes = await Task.WhenAll(runners.Select(r => Capture(r.AcquireLeaseAsync($"rollout-{r.Owner.Host}", Progress("deploying", 0)))));

        var lease = Assert.Single(outcomes, o => o.Lease is not null).Lease!;
        var held = Assert.IsType<LeaseHeldException>(Assert.Single(outcomes, o => o.Error is not null).Error);
        Assert.Equal(
            $"stack {stack}: rollout {lease.RolloutId} holds the lease: {lease.Owner.Host} (pid 4242), phase deploying step 0, " +
            "last heartbeat 2026-03-01T12:00:00.0000000Z, held until 2026-03-01T12:02:00.0000000Z",
            held.Message);
        Assert.Equal(lease, held.Holder);
        Assert.Equal(lease, await LedgerServerFixture.Machine(stack, "laptop", time).ReadLeaseAsync());
    }

    [Fact]
    public async Task A_lease_records_its_owner_progress_and_expiry_as_read_from_another_machine()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ci = new ReleaseLedger(LedgerServerFixture.Client(), stack,
            new LeaseOwner("runner-7", 99, "https://github.com/org/infra/actions/runs/42"), time);

        var lease = await ci.AcquireLeaseAsync("r-1", new LeaseProgress("shifting", 2, ["api", "web"], """{"weights":[10,50]}""", Ttl));

        var seen = await LedgerServerFixture.Machine(stack, "laptop", time).ReadLeaseAsync();
        Assert.Equal(lease, seen);
        Assert.Equal(new LeaseOwner("runner-7", 99, "https://github.com/org/infra/actions/runs/42"), seen!.Owner);
        Assert.Equal(("r-1", "shifting", 2, """{"weights":[10,50]}"""), (seen.RolloutId, seen.Phase, seen.Step, seen.Record));
        Assert.Equal(["api", "web"], seen.Services);
        Assert.Equal(time.GetUtcNow() + Ttl, seen.ExpiresAt);
        Assert.Null(seen.Control);
    }

    [Fact]
    public async Task Renew_moves_the_expiry_and_records_progress()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var runner = LedgerServerFixture.Machine(stack, "a", time);
        var lease = await runner.AcquireLeaseAsync("r-1", Progress("deploying", 0));

        time.Advance(TimeSpan.FromSeconds(90));
        var renewed = await runner.RenewLeaseAsync(lease.Token, Progress("shifting", 1));

        Assert.Equal(lease with
        {
            Phase = "shifting", Step = 1, Record = """{"phase":"shifting","step":1}""",
            HeartbeatAt = time.GetUtcNow(), ExpiresAt = time.GetUtcNow() + Ttl,
        }, renewed);
        time.Advance(TimeSpan.FromSeconds(90));
        await Assert.ThrowsAsync<LeaseHeldException>(() => LedgerServerFixture.Machine(stack, "b", time).AcquireLeaseAsync("r-2", Progress("deploying", 0)));
    }

    [Fact]
    public async Task An_expired_lease_can_be_taken_over_once_and_its_old_holder_then_learns_it_lost_it()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var a = LedgerServerFixture.Machine(stack, "host-a", time);
        var b = LedgerServerFixture.Machine(stack, "host-b", time);
        var lease = await a.AcquireLeaseAsync("r-1", Progress("shifting", 1));
        var seen = (await b.ReadLeaseAsync())!;

        var early = await Assert.ThrowsAsync<LeaseHeldException>(() => b.TakeOverLeaseAsync(seen, Progress("shifting", 1)));
        Assert.Equal(lease, early.Holder);

        time.Advance(Ttl);
        Assert.True(seen.IsExpiredAt(time.GetUtcNow()));
        var taken = await b.TakeOverLeaseAsync(seen, Progress("shifting", 1));
        Assert.Equal(("r-1", "host-b"), (taken.RolloutId, taken.Owner.Host));
        Assert.NotEqual(lease.Token, taken.Token);

        var again = await Assert.ThrowsAsync<LeaseHeldException>(() => LedgerServerFixture.Machine(stack, "host-c", time).TakeOverLeaseAsync(seen, Progress("shifting", 1)));
        Assert.Equal(taken, again.Holder);

        var lost = await Assert.ThrowsAsync<LeaseLostException>(() => a.RenewLeaseAsync(lease.Token, Progress("shifting", 2)));
        Assert.Equal(
            $"stack {stack}: this rollout's lease ({lease.Token}) was taken: rollout r-1 now holds it: host-b (pid 4242), held until 2026-03-01T12:04:00.0000000Z",
            lost.Message);
        Assert.Equal(taken, lost.Current);
        await Assert.ThrowsAsync<LeaseLostException>(() => a.ReleaseLeaseAsync(lease.Token));
        Assert.Equal(taken, await a.ReadLeaseAsync());
    }

    [Fact]
    public async Task An_expired_lease_can_be_replaced_by_a_new_rollout()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        await LedgerServerFixture.Machine(stack, "a", time).AcquireLeaseAsync("r-1", Progress("shifting", 1));

        time.Advance(Ttl);
        var lease = await LedgerServerFixture.Machine(stack, "b", time).AcquireLeaseAsync("r-2", Progress("deploying", 0));

        Assert.Equal(("r-2", "b"), (lease.RolloutId, lease.Owner.Host));
    }

    [Fact]
    public async Task After_release_the_lease_is_gone_a_renew_says_so_and_a_new_rollout_may_start()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var a = LedgerServerFixture.Machine(stack, "a", time);
        var lease = await a.AcquireLeaseAsync("r-1", Progress("done", 3));

        await a.ReleaseLeaseAsync(lease.Token);

        Assert.Null(await a.ReadLeaseAsync());
        var lost = await Assert.ThrowsAsync<LeaseLostException>(() => a.RenewLeaseAsync(lease.Token, Progress("done", 3)));
        Assert.Equal($"stack {stack}: this rollout's lease ({lease.Token}) is gone: no runner holds the stack any more", lost.Message);
        var gone = await Assert.ThrowsAsync<LeaseLostException>(() => a.TakeOverLeaseAsync(lease, Progress("done", 3)));
        Assert.Null(gone.Current);
        await LedgerServerFixture.Machine(stack, "b", time).AcquireLeaseAsync("r-2", Progress("deploying", 0));
    }

    [Fact]
    public async Task A_live_lease_is_superseded_only_while_it_is_the_one_read_and_a_dr_command_s_lease_says_so()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var rollout = await LedgerServerFixture.Machine(stack, "ci", time).AcquireLeaseAsync("r-1", Progress("shifting", 1));
        var failover = LedgerServerFixture.Machine(stack, "dr-host", time);
        var drProgress = new LeaseProgress("failover", 0, [], """{"drCommand":"failover"}""", Ttl) { DrCommand = "failover" };

        var taken = await failover.SupersedeLeaseAsync(rollout, "failover-1", drProgress);
        var stale = await Assert.ThrowsAsync<LeaseHeldException>(() => LedgerServerFixture.Machine(stack, "late", time).SupersedeLeaseAsync(rollout, "failover-2", drProgress));

        Assert.Equal(taken, await failover.ReadLeaseAsync());
        Assert.Equal(("failover", "failover-1", 0, null), (taken.DrCommand, taken.RolloutId, taken.Services.Count, taken.Control));
        Assert.Equal($"stack {stack}: failover failover-1 holds the lease: dr-host (pid 4242), " +
            $"last heartbeat {LedgerTime.Format(time.GetUtcNow())}, held until {LedgerTime.Format(time.GetUtcNow() + Ttl)}", stale.Message);
        var lost = await Assert.ThrowsAsync<LeaseLostException>(() => LedgerServerFixture.Machine(stack, "ci", time).RenewLeaseAsync(rollout.Token, Progress("shifting", 2)));
        Assert.Contains("was taken: failover failover-1 now holds it: dr-host (pid 4242)", lost.Message);
    }

    private static async Task<(Lease? Lease, Exception? Error)> Capture(Task<Lease> acquire)
    {
        try
        {
            return (await acquire, null);
        }
        catch (LeaseHeldException e)
        {
            return (null, e);
        }
    }
}
