using Amazon.DynamoDBv2.Model;
using Infra.Ledger;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// Reads the desired release from the stack's ledger table in its primary region, with the operator's credentials
/// and the AWS SDK's standard endpoint settings, and the DR promotion, switching back included, from the ledger's
/// <c>dr</c> item (failover, fail-back and drills write it; before any did, an older release document's
/// <c>drPromoted</c> stands). Before the
/// first <c>pulumi up</c> has created the table, or before the first release, the stack file seeds the release. Any
/// other failure stops the program: declaring the stack file's values instead would silently undo a release. So does a
/// disaster-recovery command holding the stack's lease (<see cref="DrCommandInProgress"/>), before anything is declared.
/// </summary>
/// <param name="time">The clock a lease's expiry is checked against. Default: the system's.</param>
public sealed class LedgerReleaseSource(TimeProvider? time = null) : IReleaseSource
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ReleaseState? ReadDesired(StackSettings settings)
    {
        using var client = LedgerClients.ForRegion(settings.Region);
        var ledger = new ReleaseLedger(client, settings.StackName, time: _time);
        try
        {
            // The operator's to wait for, not a fault of the program: the engine prints a RunException's message alone.
            var lease = ledger.ReadLeaseAsync().GetAwaiter().GetResult();
            if (DrCommandInProgress.Refusal(lease, _time.GetUtcNow(), Describe(settings)) is { } refusal) throw new RunException(refusal);
            // The program is synchronous up to the stack's constructor; a console host has no context to deadlock on.
            var release = ledger.ReadReleaseAsync().GetAwaiter().GetResult();
            var promotion = DrRecord.PromotionOf(ledger.ReadDrAsync().GetAwaiter().GetResult(), release);
            var promoted = promotion != DrPromotion.NotPromoted;
            var switchingBack = promotion == DrPromotion.SwitchingBack;
            if (release is not null) return release.Desired with { DrPromoted = promoted, DrSwitchingBack = switchingBack };
            Log.Info($"{Describe(settings)} has no release yet: the stack file's images, weights and colors seed it");
            // A failover before the first release: no service released, the stack file's values stand, promoted.
            return promoted ? ReleaseState.Empty with { DrPromoted = true, DrSwitchingBack = switchingBack } : null;
        }
        catch (LedgerUnavailableException missing) when (missing.InnerException is ResourceNotFoundException)
        {
            Log.Info($"{Describe(settings)} does not exist yet (this update creates it): the stack file's images, weights and colors seed the first release");
            return null;
        }
    }

    public string Describe(StackSettings settings) => $"release ledger {LedgerTable.NameFor(settings.StackName)} ({settings.Region})";
}
