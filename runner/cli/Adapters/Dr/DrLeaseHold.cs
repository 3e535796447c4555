using System.Globalization;
using System.Text.Json;
using Infra.Ledger;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// A disaster-recovery command's hold on the stack's lease: the same lease item a rollout takes, so a drill, a
/// fail-back or a failover and a release never change the stack at once, whatever the CI's concurrency groups do.
/// Renewed by a heartbeat like <see cref="RolloutHold"/>'s for as long as the command runs (a fail-back's catch-up
/// takes hours), ended when it stops. <see cref="Lost"/> fires when the lease is taken from this command or cannot be
/// renewed before it expires, so another runner may hold it.
/// </summary>
public sealed class DrLeaseHold : IAsyncDisposable
{
    /// <summary>How often a command that waits for the lease looks again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    // Lost races in a row (another runner took the lease between this one's read and write) before refusing.
    private const int RaceAttempts = 3;

    private readonly ReleaseLedger ledger;
    private readonly TimeProvider time;
    private readonly LeaseProgress progress;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource lost = new();
    private readonly ITimer heartbeat;
    private DateTimeOffset expiresAt;
    private bool ended;

    private DrLeaseHold(ReleaseLedger ledger, TimeProvider time, LeaseProgress progress, Lease taken, Lease? replaced)
    {
        this.ledger = ledger;
        this.time = time;
        this.progress = progress;
        Taken = taken;
        Replaced = replaced;
        expiresAt = taken.ExpiresAt;
        heartbeat = time.CreateTimer(_ => _ = BeatAsync(), null, progress.Ttl / 4, progress.Ttl / 4);
    }

    /// <summary>The lease as this command took it.</summary>
    public Lease Taken { get; }

    /// <summary>The lease this command took over (expired, or a live one failover was told to take); null when it was free.</summary>
    public Lease? Replaced { get; }

    /// <summary>Cancelled once the lease is no longer this command's; <see cref="LostReason"/> says why.</summary>
    public CancellationToken Lost => lost.Token;

    public string? LostReason { get; private set; }

    /// <summary>This command, as a lost lease's message names it.</summary>
    private string Holder => $"this {Taken.DrCommand}";

    /// <summary>
    /// Takes the stack's lease on <paramref name="terms"/>, waiting up to <see cref="DrLeaseTerms.Wait"/> for a live
    /// holder. A rollout's lease whose runner is gone is the record of a rollout to finish first, so only failover takes it.
    /// </summary>
    /// <exception cref="RolloutLeaseException">The lease stays another's: the refusal, naming the holder.</exception>
    public static async Task<DrLeaseHold> TakeAsync(
        ReleaseLedger ledger, DrLeaseTerms terms, TimeProvider time, IJournal journal, CancellationToken cancellationToken, TimeSpan? ttl = null)
    {
        var start = time.GetUtcNow();
        var runId = $"{terms.Command}-{start.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        var record = JsonSerializer.Serialize(new Dictionary<string, string> { ["drCommand"] = terms.Command, ["startedAt"] = LedgerTime.Format(start) });
        var progress = new LeaseProgress(terms.Command, 0, [], record, ttl ?? RolloutHold.DefaultTtl) { DrCommand = terms.Command };
        var races = 0;
        while (true)
        {
            var current = await ledger.ReadLeaseAsync(cancellationToken);
            var now = time.GetUtcNow();
            var blocking = current;
            if (current is null || (current.IsExpiredAt(now) ? current.DrCommand is not null || terms.Disaster : terms.TakeOverLive))
            {
                try
                {
                    var taken = current is null || current.IsExpiredAt(now)
                        ? await ledger.AcquireLeaseAsync(runId, progress, cancellationToken)
                        : await ledger.SupersedeLeaseAsync(current, runId, progress, cancellationToken);
                    if (current is { DrCommand: null }) await JournalAsync(journal, current, taken, time, cancellationToken);
                    return new DrLeaseHold(ledger, time, progress, taken, current);
                }
                catch (LeaseHeldException held) when (++races < RaceAttempts)
                {
                    blocking = held.Holder;
                    if (terms.TakeOverLive) continue;
                }
                catch (LeaseLostException) when (++races < RaceAttempts)
                {
                    continue; // gone since it was read: free to take
                }
                catch (LeaseHeldException held)
                {
                    throw new RolloutLeaseException(held.Message, held);
                }
            }

            if (blocking!.DrCommand is null && blocking.IsExpiredAt(time.GetUtcNow()))
            {
                throw new RolloutLeaseException(
                    $"stack {ledger.Stack}: rollout {blocking.RolloutId} is in progress and no runner holds it (its hold expired at " +
                    $"{LedgerTime.Format(blocking.ExpiresAt)}); resume, abort or roll it back, then run {terms.Command} again");
            }

            var holder = new LeaseHeldException(ledger.Stack, blocking).Message;
            if (terms.Disaster)
            {
                throw new RolloutLeaseException(
                    $"{holder}; if its runner is cut off with the primary region, run failover again with --take-over-lease, or once that hold has expired");
            }

            var waited = time.GetUtcNow() - start;
            if (waited >= terms.Wait)
            {
                throw new RolloutLeaseException(terms.Wait > TimeSpan.Zero ? $"{holder}; waited {DrillReport.Duration(waited)} for it" : holder);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    /// <summary>Stops renewing and ends the lease; a lease found lost is reported through <see cref="LostReason"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await heartbeat.DisposeAsync();
        await gate.WaitAsync();
        try
        {
            if (ended) return;
            ended = true;
            if (LostReason is null) await ledger.ReleaseLeaseAsync(Taken.Token);
        }
        catch (LeaseLostException gone)
        {
            LostReason = gone.MessageFor(Holder);
        }
        catch (LedgerException error)
        {
            LostReason = $"the lease could not be released ({error.Message}); it expires by itself at {LedgerTime.Format(expiresAt)}";
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task BeatAsync()
    {
        if (!await gate.WaitAsync(0)) return;
        try
        {
            if (ended || LostReason is not null) return;
            expiresAt = (await ledger.RenewLeaseAsync(Taken.Token, progress, CancellationToken.None)).ExpiresAt;
        }
        catch (LeaseLostException gone)
        {
            Lose(gone.MessageFor(Holder));
        }
        catch (Exception error)
        {
            // Not renewed in time: another runner may take the lease from now on, so this command must stop.
            if (time.GetUtcNow() >= expiresAt)
            {
                Lose($"the lease could not be renewed before it expired at {LedgerTime.Format(expiresAt)}: {error.Message}");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private void Lose(string reason)
    {
        LostReason = reason;
        lost.Cancel();
    }

    // The rollout's record would otherwise be gone with its lease: the journal keeps it, for finishing the rollout by hand.
    private static Task JournalAsync(IJournal journal, Lease replaced, Lease taken, TimeProvider time, CancellationToken cancellationToken) =>
        journal.AppendAsync(new RolloutEvent(time.GetUtcNow(), replaced.RolloutId, RolloutEventKind.TakenOver,
            $"Rollout {replaced.RolloutId}'s lease taken over by {taken.HolderName} ({taken.Owner}) from {replaced.Owner}, " +
            $"in phase {replaced.Phase} step {replaced.Step}; its record is in this event",
            new Dictionary<string, string>
            {
                ["from"] = replaced.Owner.ToString(), ["to"] = taken.Owner.ToString(), ["drCommand"] = taken.DrCommand!, ["record"] = replaced.Record,
            }), cancellationToken);
}
