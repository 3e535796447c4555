namespace Infra.Ledger;

/// <summary>One journal entry, e.g. a step taken or a lease taken over.</summary>
/// <param name="Key">The event's sort key, <c>event#&lt;ISO time&gt;#&lt;random&gt;</c>; pass it to read on after it.</param>
/// <param name="Data">A JSON document, as appended.</param>
public sealed record LedgerEvent(string Key, DateTimeOffset At, string Kind, string Data);

/// <summary>A page of the journal, oldest first.</summary>
/// <param name="NextAfter">The key to read on from; null when the journal has no more events.</param>
public sealed record EventPage(IReadOnlyList<LedgerEvent> Events, string? NextAfter);
