// Times as the C# ledger writes them (ledger/LedgerTime.cs): ISO-8601 UTC with seven fractional digits, so that text
// order is time order across writers; JavaScript's clock has milliseconds, the rest are zeros.

/** @param {Date} time */
export function formatLedgerTime(time) {
  return time.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** Epoch seconds, as the lease's expiresAt holds them, in the same format. */
export function formatEpochSeconds(seconds) {
  return formatLedgerTime(new Date(seconds * 1000));
}

/**
 * How long a claim may stay `flipping` before another invocation may take it over: an invocation that died mid-flip
 * (its 30 s timeout, a crash) never marks it flipped or failed, and would otherwise block the guard for good.
 */
export const STALE_CLAIM_MS = 2 * 60 * 1000;

/** The ledger time before which a `flipping` claim is stale, at `now`. */
export function staleClaimBefore(now) {
  return formatLedgerTime(new Date(now.getTime() - STALE_CLAIM_MS));
}
