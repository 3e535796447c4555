namespace Infra.Ledger;

/// <summary>A control request (abort, promote, rollback) was sent while no rollout holds the stack's lease.</summary>
public sealed class NoRolloutInProgressException(string stack, ControlAction action)
    : LedgerException($"stack {stack}: no rollout in progress, so there is nothing to {action.ToWireName()}");
