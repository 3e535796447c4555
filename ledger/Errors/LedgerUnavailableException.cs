namespace Infra.Ledger;

/// <summary>
/// The ledger could not be used: its table does not exist, DynamoDB kept throttling after the SDK's retries, or the
/// connection failed. A read changed nothing; a write either was refused as a whole or, for a lost connection, may
/// have been applied, which the message says (read the ledger again before retrying).
/// </summary>
public sealed class LedgerUnavailableException(string message, Exception inner) : LedgerException(message, inner);
