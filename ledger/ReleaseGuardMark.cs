using Infra.Ledger.Items;

namespace Infra.Ledger;

/// <summary>Where the release guard's switch of a rollout's traffic is: claimed, done, or failed.</summary>
public enum GuardState { Flipping, Flipped, Failed }

/// <summary>
/// What the release guard (the stack's Lambda) wrote onto the lease when it moved a rollout's traffic back on its own:
/// <c>guardId</c>, <c>guardReason</c>, <c>guardAt</c>, <c>guardState</c> and, when it failed, <c>guardDetail</c>.
/// </summary>
/// <param name="Id">The EventBridge event that triggered it.</param>
/// <param name="Reason"><c>alarm &lt;alarm name&gt;</c> or <c>lease expired at &lt;ISO time&gt;</c>.</param>
/// <param name="Detail">Why the switch failed; null otherwise.</param>
public sealed record ReleaseGuardMark(string Id, string Reason, DateTimeOffset At, GuardState State, string? Detail);

/// <summary>The ledger's spelling of guard states: flipping | flipped | failed.</summary>
public static class GuardStates
{
    private static readonly WireNames<GuardState> Names = new("flipping", "flipped", "failed");

    public static bool TryParse(string text, out GuardState state) => Names.TryParse(text, out state);

    /// <summary>The allowed spellings, for messages.</summary>
    public static string Allowed => Names.Allowed;

    /// <summary>How the guard signs what it writes (<c>controlBy</c>, the release's <c>updatedBy</c>): <c>release-guard (&lt;reason&gt;)</c>.</summary>
    public const string WriterPrefix = "release-guard";

    /// <summary>Whether <paramref name="writer"/> is the release guard's signature.</summary>
    public static bool IsGuard(string writer) => writer.StartsWith($"{WriterPrefix} (", StringComparison.Ordinal) || writer == WriterPrefix;
}
