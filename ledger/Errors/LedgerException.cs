namespace Infra.Ledger;

/// <summary>Base of every error the release ledger raises, so callers can tell ledger failures from their own.</summary>
public abstract class LedgerException(string message, Exception? inner = null) : Exception(message, inner);
