namespace Infra.Ledger.Tests;

[Collection(LedgerServerCollection.Name)]
public class ControlRequestTests(LedgerServerFixture server)
{
    private static readonly LeaseProgress Shifting = new("shifting", 1, ["web"], "{}", TimeSpan.FromMinutes(2));

    [Fact]
    public async Task A_request_from_another_machine_reaches_the_holders_next_renew_until_the_holder_clears_it()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ci = LedgerServerFixture.Machine(stack, "ci", time);
        var lease = await ci.AcquireLeaseAsync("r-1", Shifting);

        time.Advance(TimeSpan.FromSeconds(5));
        var request = await LedgerServerFixture.Machine(stack, "laptop", time).RequestControlAsync(ControlAction.Rollback, "alice on laptop");

        var renewed = await ci.RenewLeaseAsync(lease.Token, Shifting);
        Assert.Equal(new ControlRequest(request.Id, ControlAction.Rollback, "alice on laptop", time.GetUtcNow()), renewed.Control);
        Assert.Equal(renewed.Control, (await ci.RenewLeaseAsync(lease.Token, Shifting)).Control);

        Assert.True(await ci.ClearControlAsync(lease.Token, request.Id));
        Assert.Null((await ci.RenewLeaseAsync(lease.Token, Shifting)).Control);
    }

    [Fact]
    public async Task A_request_meant_for_a_rollout_that_ended_never_lands_on_the_next_one()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ci = LedgerServerFixture.Machine(stack, "ci", time);
        await ci.AcquireLeaseAsync("r-2", Shifting);

        var refused = await Assert.ThrowsAsync<LeaseHeldException>(() =>
            LedgerServerFixture.Machine(stack, "laptop", time).RequestControlAsync(ControlAction.Rollback, "alice", rolloutId: "r-1"));

        Assert.Equal("r-2", refused.Holder.RolloutId);
        Assert.Null((await ci.ReadLeaseAsync())!.Control);
    }

    [Fact]
    public async Task Clearing_an_older_request_leaves_a_newer_one_pending()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var ci = LedgerServerFixture.Machine(stack, "ci", time);
        var operatorMachine = LedgerServerFixture.Machine(stack, "laptop", time);
        var lease = await ci.AcquireLeaseAsync("r-1", Shifting);
        var promote = await operatorMachine.RequestControlAsync(ControlAction.Promote, "bob");
        var abort = await operatorMachine.RequestControlAsync(ControlAction.Abort, "alice");

        Assert.False(await ci.ClearControlAsync(lease.Token, promote.Id));

        Assert.Equal(abort, (await ci.RenewLeaseAsync(lease.Token, Shifting)).Control);
    }

    [Fact]
    public async Task A_pending_request_survives_a_take_over_so_the_new_holder_acts_on_it()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        var lease = await LedgerServerFixture.Machine(stack, "ci", time).AcquireLeaseAsync("r-1", Shifting);
        var abort = await LedgerServerFixture.Machine(stack, "laptop", time).RequestControlAsync(ControlAction.PromoteFull, "alice");

        time.Advance(Shifting.Ttl);
        var taken = await LedgerServerFixture.Machine(stack, "ci-2", time).TakeOverLeaseAsync(lease, Shifting);

        Assert.Equal(abort, taken.Control);
    }

    [Fact]
    public async Task Only_the_holder_may_clear_a_request()
    {
        var stack = await server.NewStackAsync();
        var time = LedgerServerFixture.Clock();
        await LedgerServerFixture.Machine(stack, "ci", time).AcquireLeaseAsync("r-1", Shifting);
        var laptop = LedgerServerFixture.Machine(stack, "laptop", time);
        var request = await laptop.RequestControlAsync(ControlAction.Abort, "alice");

        await Assert.ThrowsAsync<LeaseLostException>(() => laptop.ClearControlAsync("not-the-token", request.Id));
        Assert.Equal(request, (await laptop.ReadLeaseAsync())!.Control);
    }

    [Fact]
    public async Task A_request_with_no_rollout_in_progress_is_refused()
    {
        var stack = await server.NewStackAsync();
        var laptop = LedgerServerFixture.Machine(stack, "laptop", LedgerServerFixture.Clock());

        var e = await Assert.ThrowsAsync<NoRolloutInProgressException>(() => laptop.RequestControlAsync(ControlAction.PromoteFull, "alice"));

        Assert.Equal($"stack {stack}: no rollout in progress, so there is nothing to promote-full", e.Message);
        Assert.Null(await laptop.ReadLeaseAsync());
    }
}
