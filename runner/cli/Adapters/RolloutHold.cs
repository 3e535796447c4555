using Infra.Ledger;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// This runner's hold on the stack's rollout, kept as the ledger's lease. The first record write takes the lease
/// (exactly one runner wins a race); every later write renews it, and a heartbeat renews it while an update runs, so
/// only a runner that is gone lets it expire. A runner that stops cleanly gives it up at once; another machine takes
/// over one that expired only when told to (<c>--take-over</c>), which is journaled. Control requests from any
/// machine ride on the lease and are cleared once the record shows they were acted on; the release guard's rollback,
/// made after it switched the traffic itself, is marked so the rollback adopts it.
/// </summary>
public sealed class RolloutHold : IDisposable
{
    /// <summary>How long a hold lasts without a renewal: long enough for a few missed heartbeats, short enough to take over soon.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(2);

    private readonly ReleaseLedger ledger;
    private readonly bool takeOver;
    private readonly TimeProvider time;
    private readonly TimeSpan ttl;
    private readonly IJournal journal;
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private RolloutRecord? last;
    private string? seenControlId;
    private ITimer? heartbeat;

    /// <param name="takeOver">Whether this command may take over a hold that expired because its runner is gone.</param>
    public RolloutHold(ReleaseLedger ledger, bool takeOver, TimeProvider time, IJournal journal, TimeSpan? ttl = null)
    {
        this.ledger = ledger;
        this.takeOver = takeOver;
        this.time = time;
        this.journal = journal;
        this.ttl = ttl ?? DefaultTtl;
    }

    /// <summary>The rollout in progress with its pending request; refuses when another runner took this one's hold.</summary>
    public async Task<RolloutRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        var lease = await ledger.ReadLeaseAsync(cancellationToken);
        if (lease is null) return null;
        if (token is not null && lease.Token != token)
        {
            throw new RolloutLeaseException(lease.DrCommand is null
                ? $"rollout {lease.RolloutId} was taken over by {lease.Owner}"
                : $"this rollout's lease was taken over by {lease.HolderName}: {lease.Owner}");
        }

        if (lease.DrCommand is not null)
        {
            // A disaster-recovery command holds the stack: no rollout is in progress, and none may start or go on. One
            // whose runner is gone leaves nothing to continue: its expired lease is no rollout, and a deploy takes it.
            if (lease.IsExpiredAt(time.GetUtcNow())) return null;
            throw new RolloutLeaseException(new LeaseHeldException(ledger.Stack, lease).Message);
        }

        seenControlId = lease.Control?.Id;
        return WithControl(RolloutRecordJson.Deserialize(lease.Record), lease.Control, lease.Guard);
    }

    public async Task WriteAsync(RolloutRecord record, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var lease = token is null
                ? await TakeAsync(record, cancellationToken)
                : await RenewAsync(Progress(record, ttl), cancellationToken);
            token = lease.Token;
            last = record;
            if (lease.Control is { } control && control.Id == seenControlId && !Carries(record, control.Action))
            {
                try
                {
                    await ledger.ClearControlAsync(lease.Token, control.Id, cancellationToken);
                }
                catch (LeaseLostException lost)
                {
                    token = null;
                    throw new RolloutLeaseException(lost.Message, lost);
                }
            }

            heartbeat ??= time.CreateTimer(_ => _ = BeatAsync(), null, ttl / 4, ttl / 4);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The rollout ended: the lease goes, and with it the record.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var held = token ?? throw new InvalidOperationException("a rollout record is cleared only by the runner that wrote it");
            StopHeartbeat();
            token = null;
            last = null;
            try
            {
                await ledger.ReleaseLeaseAsync(held, cancellationToken);
            }
            catch (LeaseLostException lost)
            {
                throw new RolloutLeaseException(lost.Message, lost);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Keeps the record and ends the hold now (expiry = last heartbeat), so any machine continues without waiting or --take-over.</summary>
    public async Task GiveUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            StopHeartbeat();
            if (token is null || last is null) return;
            await RenewAsync(Progress(last, TimeSpan.Zero), cancellationToken);
            token = null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores the request with rollout <paramref name="rolloutId"/>, and only with it.</summary>
    public async Task<ControlDelivery> RequestAsync(string rolloutId, RolloutControl control, CancellationToken cancellationToken)
    {
        var lease = await ledger.ReadLeaseAsync(cancellationToken);
        if (lease is null) return ControlDelivery.NoRollout;
        try
        {
            await ledger.RequestControlAsync(ToAction(control), $"{ledger.Owner}", cancellationToken, rolloutId);
        }
        catch (NoRolloutInProgressException)
        {
            return ControlDelivery.NoRollout;
        }
        catch (LeaseHeldException other)
        {
            throw new RolloutLeaseException($"rollout {rolloutId} is no longer in progress, so nothing was requested: {other.Message}", other);
        }

        return lease.IsExpiredAt(time.GetUtcNow()) ? ControlDelivery.Stored : ControlDelivery.ToRunningRunner;
    }

    // The gate is not disposed: a heartbeat already under way still releases it.
    public void Dispose() => StopHeartbeat();

    /// <summary>Takes the lease for <paramref name="record"/>: a new rollout's, or an existing one's that no live runner holds.</summary>
    private async Task<Lease> TakeAsync(RolloutRecord record, CancellationToken cancellationToken)
    {
        var progress = Progress(record, ttl);
        try
        {
            var current = await ledger.ReadLeaseAsync(cancellationToken);
            if (current is null || (current.DrCommand is not null && current.IsExpiredAt(time.GetUtcNow())))
            {
                return await ledger.AcquireLeaseAsync(record.Id, progress, cancellationToken);
            }

            if (current.RolloutId != record.Id || !current.IsExpiredAt(time.GetUtcNow())) throw new LeaseHeldException(ledger.Stack, current);
            var givenUp = current.HeartbeatAt >= current.ExpiresAt;
            if (!givenUp && !takeOver)
            {
                throw new RolloutLeaseException(
                    $"rollout {current.RolloutId} was held by {current.Owner}, whose hold expired at {LedgerTime.Format(current.ExpiresAt)} " +
                    $"without being given up (last heartbeat {LedgerTime.Format(current.HeartbeatAt)}); if that runner is gone, run this command again with --take-over");
            }

            var taken = await ledger.TakeOverLeaseAsync(current, progress, cancellationToken);
            if (!givenUp)
            {
                await journal.AppendAsync(new RolloutEvent(time.GetUtcNow(), record.Id, RolloutEventKind.TakenOver,
                    $"Rollout {record.Id} taken over by {ledger.Owner} from {current.Owner}, whose hold expired at {LedgerTime.Format(current.ExpiresAt)}",
                    new Dictionary<string, string> { ["from"] = current.Owner.ToString(), ["to"] = ledger.Owner.ToString() }), cancellationToken);
            }

            return taken;
        }
        catch (LeaseHeldException held)
        {
            throw new RolloutLeaseException(held.Message, held);
        }
        catch (LeaseLostException lost)
        {
            throw new RolloutLeaseException(lost.Message, lost);
        }
    }

    private async Task<Lease> RenewAsync(LeaseProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.RenewLeaseAsync(token!, progress, cancellationToken);
        }
        catch (LeaseLostException lost)
        {
            token = null;
            throw new RolloutLeaseException(lost.Message, lost);
        }
    }

    /// <summary>Renews between the engine's own writes; a lost lease is noticed by the engine's next read or write.</summary>
    private async Task BeatAsync()
    {
        if (!await gate.WaitAsync(0)) return;
        try
        {
            if (token is not null && last is not null) await ledger.RenewLeaseAsync(token, Progress(last, ttl), CancellationToken.None);
        }
        catch (Exception)
        {
            // The next beat, or the engine's next write, tries again and reports what it finds.
        }
        finally
        {
            gate.Release();
        }
    }

    private void StopHeartbeat()
    {
        heartbeat?.Dispose();
        heartbeat = null;
    }

    private static LeaseProgress Progress(RolloutRecord record, TimeSpan lasting) => new(
        record.Phase.ToString(), record.StepIndex, record.Services.Select(s => s.Name).ToList(), RolloutRecordJson.Serialize(record), lasting);

    private static RolloutRecord WithControl(RolloutRecord record, ControlRequest? control, ReleaseGuardMark? guard) => control?.Action switch
    {
        ControlAction.Promote when record.Promotion != PromotionRequest.Full => record with { Promotion = PromotionRequest.SkipBake },
        ControlAction.PromoteFull => record with { Promotion = PromotionRequest.Full },
        ControlAction.Abort or ControlAction.Rollback => record with
        {
            StopRequest = new RolloutStopRequest(control.Action.ToWireName(), control.RequestedBy) { GuardFlipped = IsGuardFlip(control, guard) },
        },
        _ => record,
    };

    /// <summary>The release guard's rollback request, written once its switch of the traffic is done (contract: guardState flipped).</summary>
    private static bool IsGuardFlip(ControlRequest control, ReleaseGuardMark? guard) =>
        control.Action == ControlAction.Rollback && guard?.State == GuardState.Flipped && GuardStates.IsGuard(control.RequestedBy);

    /// <summary>Whether a written record still carries a request, i.e. it was not acted on yet.</summary>
    private static bool Carries(RolloutRecord record, ControlAction action) => action switch
    {
        ControlAction.Promote or ControlAction.PromoteFull => record.Promotion != PromotionRequest.None,
        _ => record.StopRequest is not null,
    };

    private static ControlAction ToAction(RolloutControl control) => control switch
    {
        RolloutControl.Abort => ControlAction.Abort,
        RolloutControl.Rollback => ControlAction.Rollback,
        RolloutControl.Promote => ControlAction.Promote,
        _ => ControlAction.PromoteFull,
    };
}
