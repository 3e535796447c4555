namespace Infra.Runner.Adapters.Dr;

/// <summary>How a disaster-recovery command takes the stack's lease.</summary>
/// <param name="Command"><c>failover</c>, <c>drill</c> or <c>failback</c>: written onto the lease and named in messages.</param>
/// <param name="Wait">How long a live holder is waited for before the command refuses; zero refuses at once.</param>
/// <param name="Disaster">
/// Failover's terms: any expired lease is taken (a rollout's record goes to the journal), and losing the lease later
/// is reported but never stops the failover. Otherwise (drill, fail-back) a rollout's lease is never taken, and a lost
/// lease stops the command.
/// </param>
/// <param name="TakeOverLive">Failover's <c>--take-over-lease</c>: take the lease from a live holder too.</param>
public sealed record DrLeaseTerms(string Command, TimeSpan Wait, bool Disaster, bool TakeOverLive)
{
    public static DrLeaseTerms Failover(bool takeOverLive) => new("failover", TimeSpan.Zero, Disaster: true, takeOverLive);

    /// <summary>A drill's or a fail-back's terms: planned work that waits for, and never overrides, another holder.</summary>
    public static DrLeaseTerms Planned(string command, TimeSpan wait) => new(command, wait, Disaster: false, TakeOverLive: false);
}
