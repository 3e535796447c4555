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
