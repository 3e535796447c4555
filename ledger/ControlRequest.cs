using Infra.Ledger.Items;

namespace Infra.Ledger;

/// <summary>What an operator asks the rollout in progress to do, from any machine.</summary>
public enum ControlAction { Abort, Promote, PromoteFull, Rollback }

/// <summary>A control request written onto the lease; the holder sees it at its next renew.</summary>
/// <param name="Id">Unique per request, so clearing one never clears a newer one.</param>
public sealed record ControlRequest(string Id, ControlAction Action, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>The ledger's spelling of control actions: abort | promote | promote-full | rollback.</summary>
public static class ControlActions
{
    private static readonly WireNames<ControlAction> Names = new("abort", "promote", "promote-full", "rollback");

    public static string ToWireName(this ControlAction action) => Names.Of(action);

    public static bool TryParse(string text, out ControlAction action) => Names.TryParse(text, out action);

    /// <summary>The allowed spellings, for messages.</summary>
    public static string Allowed => Names.Allowed;
}
