using Infra.Ledger;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Adapters;

/// <summary>
/// The stack file's settings with the ledger's desired release and DR promotion over them, exactly as the program
/// declares them (so what a release or failover moved counts, and defaults apply as in the program).
/// </summary>
public static class LedgerDeclaredSettings
{
    public static async Task<StackSettings> ReadAsync(StackSettings settings, ReleaseLedger ledger, ReleaseStore release, CancellationToken cancellationToken)
    {
        var (_, desired, _) = await release.ReadAsync(cancellationToken);
        // The promotion as the program merges it (infra/LedgerReleaseSource.cs): the ledger's dr item, else an older release document's drPromoted.
        var promotion = await ledger.ReadDrPromotionAsync(cancellationToken);
        desired = desired with { DrPromoted = promotion != DrPromotion.NotPromoted, DrSwitchingBack = promotion == DrPromotion.SwitchingBack };
        return ReleaseOverlay.Apply(settings, desired, $"release ledger {LedgerTable.NameFor(settings.StackName)}").GetValidOrThrow();
    }

    /// <summary>Promoted, with both colors of every service taking traffic: what failover scales when the release cannot be read.</summary>
    public static StackSettings PromotedWithEveryColorRouted(StackSettings settings) => settings with
    {
        Dr = settings.Dr with { Promote = true },
        Services = settings.Services.Select(service => service with { Weights = new ColorPair<int>(50, 50) }).ToValueList(),
    };
}
