using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;
using Infra.Stacks.Release;

namespace Infra.Ledger;

// The lease item: the rollout in progress, or the disaster-recovery command running. Taken only when absent or
// expired, renewed and released only by the holder of its token, taken over only when expired and still the lease the
// caller saw; superseded while live only by a failover told to.
public sealed partial class ReleaseLedger
{
    private const string TokenAttr = "token";
    private const string OwnerHostAttr = "ownerHost";
    private const string OwnerPidAttr = "ownerPid";
    private const string OwnerRunUrlAttr = "ownerRunUrl";
    private const string RolloutIdAttr = "rolloutId";
    private const string PhaseAttr = "phase";
    private const string StepAttr = "step";
    private const string ServicesAttr = "services";
    private const string HeartbeatAtAttr = "heartbeatAt";
    private const string ExpiresAtAttr = "expiresAt";
    private const string RecordAttr = "record";
    private const string DrCommandAttr = "drCommand";

    // A lease that vanished or expired between a refused write and the read that explains it is tried again, this often.
    private const int AcquireAttempts = 3;

    /// <summary>The rollout in progress, or null; from any machine.</summary>
    public async Task<Lease?> ReadLeaseAsync(CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(LedgerTable.LeaseItem, cancellationToken).ConfigureAwait(false);
        return item is null ? null : ReadLease(item);
    }

    /// <summary>
    /// Takes the stack's lease for a new rollout (or a disaster-recovery command: <see cref="LeaseProgress.DrCommand"/>),
    /// if nobody holds it or the holder's lease has expired.
    /// </summary>
    /// <exception cref="LeaseHeldException">Another rollout holds an unexpired lease.</exception>
    public async Task<Lease> AcquireLeaseAsync(string rolloutId, LeaseProgress progress, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = _time.GetUtcNow();
            var token = NewToken();
            var request = PutLease(token, rolloutId, progress, now,
                "attribute_not_exists(#sk) OR #expiresAt <= :now",
                new() { ["#sk"] = LedgerTable.SortKey, ["#expiresAt"] = ExpiresAtAttr },
                new() { [":now"] = Attr.EpochSeconds(now) });
            if (await TryWriteAsync(() => _client.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
                return ReadLease(request.Item);

            var holder = await ReadLeaseAsync(cancellationToken).ConfigureAwait(false);
            if (holder?.Token == token) return holder; // the SDK retried a write that had landed (see WrittenByThisCall)
            if (holder is not null && (!holder.IsExpiredAt(_time.GetUtcNow()) || attempt == AcquireAttempts))
                throw new LeaseHeldException(Stack, holder);
            if (attempt == AcquireAttempts)
                throw new InvalidOperationException($"stack {Stack}: the lease kept changing while this runner tried to take it ({attempt} attempts); try again");
        }
    }

    /// <summary>
    /// Puts a new lease in place of <paramref name="seen"/> (as read with <see cref="ReadLeaseAsync"/>) whether or not
    /// it has expired: a failover's, when the holder is cut off with the primary region. Nothing of the old lease stays
    /// (its rollout record, control request and guard marks go); its holder's next renew finds the lease lost.
    /// </summary>
    /// <exception cref="LeaseHeldException">The lease changed since <paramref name="seen"/> was read.</exception>
    /// <exception cref="LeaseLostException">The lease is gone: take it with <see cref="AcquireLeaseAsync"/>.</exception>
    public async Task<Lease> SupersedeLeaseAsync(Lease seen, string rolloutId, LeaseProgress progress, CancellationToken cancellationToken = default)
    {
        var token = NewToken();
        var request = PutLease(token, rolloutId, progress, _time.GetUtcNow(), "#token = :seen",
            new() { ["#token"] = TokenAttr }, new() { [":seen"] = Attr.S(seen.Token) });
        if (await TryWriteAsync(() => _client.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
            return ReadLease(request.Item);

        var current = await ReadLeaseAsync(cancellationToken).ConfigureAwait(false);
        if (current?.Token == token) return current; // the SDK retried a write that had landed (see WrittenByThisCall)
        throw current is null ? new LeaseLostException(Stack, seen.Token, null) : new LeaseHeldException(Stack, current);
    }

    /// <summary>
    /// Records the holder's progress and pushes the expiry out by <see cref="LeaseProgress.Ttl"/>. Returns the lease as
    /// stored, whose <see cref="Lease.Control"/> is the pending control request: one call per poll does both.
    /// </summary>
    /// <exception cref="LeaseLostException">The lease is no longer <paramref name="token"/>'s; stop touching traffic.</exception>
    public async Task<Lease> RenewLeaseAsync(string token, LeaseProgress progress, CancellationToken cancellationToken = default)
    {
        var update = Update("#token = :token", new() { [":token"] = Attr.S(token) }, ProgressAttributes(progress, _time.GetUtcNow()), []);
        return await UpdateLeaseAsync(update, cancellationToken).ConfigureAwait(false)
            ?? throw new LeaseLostException(Stack, token, await ReadLeaseAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Ends the holder's lease at the end of its rollout.</summary>
    /// <exception cref="LeaseLostException">The lease is no longer <paramref name="token"/>'s; nothing was changed.</exception>
    public async Task ReleaseLeaseAsync(string token, CancellationToken cancellationToken = default)
    {
        var request = new DeleteItemRequest
        {
            TableName = TableName,
            Key = Key(LedgerTable.LeaseItem),
            ConditionExpression = "#token = :token",
            ExpressionAttributeNames = new() { ["#token"] = TokenAttr },
            ExpressionAttributeValues = new() { [":token"] = Attr.S(token) },
        };
        // A lease found gone is not assumed to be this call's own delete (an SDK retry after a lost answer): another
        // runner may have taken it over and ended it, and that must not read as this rollout finishing cleanly.
        if (!await TryWriteAsync(() => _client.DeleteItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
            throw new LeaseLostException(Stack, token, await ReadLeaseAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Takes over <paramref name="expired"/> (as read with <see cref="ReadLeaseAsync"/>) to carry on its rollout: only if
    /// it has expired and is still that lease. Keeps its rollout id and pending control request; gives it a new token
    /// and this process as owner.
    /// </summary>
    /// <exception cref="LeaseHeldException">The lease has not expired, or someone else took it over first.</exception>
    /// <exception cref="LeaseLostException">The lease is gone: its rollout ended.</exception>
    public async Task<Lease> TakeOverLeaseAsync(Lease expired, LeaseProgress progress, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var token = NewToken();
        var set = OwnerAttributes(token);
        foreach (var (name, value) in ProgressAttributes(progress, now)) set[name] = value;
        string[] remove = Owner.CiRunUrl is null ? [OwnerRunUrlAttr] : [];
        var update = Update("#token = :seen AND #expiresAt <= :now",
            new() { [":seen"] = Attr.S(expired.Token), [":now"] = Attr.EpochSeconds(now) }, set, remove);
        update.ExpressionAttributeNames["#expiresAt"] = ExpiresAtAttr;

        if (await UpdateLeaseAsync(update, cancellationToken).ConfigureAwait(false) is { } taken) return taken;
        var current = await ReadLeaseAsync(cancellationToken).ConfigureAwait(false);
        if (current?.Token == token) return current; // the SDK retried a write that had landed (see WrittenByThisCall)
        throw current is null ? new LeaseLostException(Stack, expired.Token, null) : new LeaseHeldException(Stack, current);
    }

    // A whole new lease item, written only under `condition`.
    private PutItemRequest PutLease(string token, string rolloutId, LeaseProgress progress, DateTimeOffset now,
        string condition, Dictionary<string, string> names, Dictionary<string, AttributeValue> values)
    {
        var attributes = OwnerAttributes(token);
        attributes[RolloutIdAttr] = Attr.S(rolloutId);
        foreach (var (name, value) in ProgressAttributes(progress, now)) attributes[name] = value;
        return new PutItemRequest
        {
            TableName = TableName,
            Item = NewItem(LedgerTable.LeaseItem, attributes),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }

    private Dictionary<string, AttributeValue> OwnerAttributes(string token)
    {
        var attributes = new Dictionary<string, AttributeValue>
        {
            [TokenAttr] = Attr.S(token),
            [OwnerHostAttr] = Attr.S(Owner.Host),
            [OwnerPidAttr] = Attr.N(Owner.ProcessId),
        };
        if (Owner.CiRunUrl is { } url) attributes[OwnerRunUrlAttr] = Attr.S(url);
        return attributes;
    }

    private static Dictionary<string, AttributeValue> ProgressAttributes(LeaseProgress progress, DateTimeOffset now)
    {
        var attributes = new Dictionary<string, AttributeValue>
        {
            [PhaseAttr] = Attr.S(progress.Phase),
            [StepAttr] = Attr.N(progress.Step),
            [ServicesAttr] = Attr.L(progress.Services),
            [RecordAttr] = Attr.S(progress.Record),
            [HeartbeatAtAttr] = Attr.Time(now),
            [ExpiresAtAttr] = Attr.EpochSeconds(now + progress.Ttl),
        };
        if (progress.DrCommand is { } command) attributes[DrCommandAttr] = Attr.S(command);
        return attributes;
    }

    private static string NewToken() => Guid.NewGuid().ToString("N");

    // An update of the lease item under `condition`, setting and removing the given attributes.
    private UpdateItemRequest Update(string condition, Dictionary<string, AttributeValue> values,
        Dictionary<string, AttributeValue> set, IReadOnlyList<string> remove)
    {
        var names = new Dictionary<string, string> { ["#token"] = TokenAttr };
        var setParts = new List<string>();
        foreach (var (name, value) in set)
        {
            names[$"#{name}"] = name;
            values[$":{name}"] = value;
            setParts.Add($"#{name} = :{name}");
        }
        foreach (var name in remove) names[$"#{name}"] = name;
        var expression = (setParts.Count > 0 ? $"SET {string.Join(", ", setParts)}" : "") +
            (remove.Count > 0 ? $" REMOVE {string.Join(", ", remove.Select(n => $"#{n}"))}" : "");
        return new UpdateItemRequest
        {
            TableName = TableName,
            Key = Key(LedgerTable.LeaseItem),
            ConditionExpression = condition,
            UpdateExpression = expression.Trim(),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
        };
    }

    // The lease after the update; null when the update's condition did not hold.
    private async Task<Lease?> UpdateLeaseAsync(UpdateItemRequest update, CancellationToken cancellationToken)
    {
        UpdateItemResponse? response = null;
        var written = await TryWriteAsync(async () => response = await _client.UpdateItemAsync(update, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return written ? ReadLease(response!.Attributes) : null;
    }

    private Lease ReadLease(Dictionary<string, AttributeValue> item)
    {
        var read = Reader(LedgerTable.LeaseItem, item);
        return new Lease(
            read.String(TokenAttr),
            new LeaseOwner(read.String(OwnerHostAttr), read.Int(OwnerPidAttr), read.OptionalString(OwnerRunUrlAttr)),
            read.String(RolloutIdAttr),
            read.String(PhaseAttr),
            read.Int(StepAttr),
            read.StringList(ServicesAttr),
            read.Time(HeartbeatAtAttr),
            read.EpochSeconds(ExpiresAtAttr),
            read.String(RecordAttr),
            ReadControl(read, item))
        {
            Guard = ReadGuard(read, item),
            DrCommand = read.OptionalString(DrCommandAttr),
        };
    }
}
