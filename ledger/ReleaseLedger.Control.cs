using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;

namespace Infra.Ledger;

// Control requests written onto the lease from any machine (controlId, controlAction, controlBy, controlAt), seen by
// the holder at its next renew and cleared by it once acted on.
public sealed partial class ReleaseLedger
{
    private const string ControlIdAttr = "controlId";
    private const string ControlActionAttr = "controlAction";
    private const string ControlByAttr = "controlBy";
    private const string ControlAtAttr = "controlAt";

    /// <summary>
    /// Asks the rollout in progress to <paramref name="action"/>; a later request replaces a pending one. Works whether
    /// or not the lease has expired, so a runner taking over sees it too.
    /// </summary>
    /// <param name="rolloutId">When given, the request lands only on that rollout, never on one that started since it was read.</param>
    /// <exception cref="NoRolloutInProgressException">No lease: nothing to control.</exception>
    /// <exception cref="LeaseHeldException">Another rollout than <paramref name="rolloutId"/> holds the lease now.</exception>
    public async Task<ControlRequest> RequestControlAsync(ControlAction action, string requestedBy, CancellationToken cancellationToken = default,
        string? rolloutId = null)
    {
        var request = new ControlRequest(Guid.NewGuid().ToString("N"), action, requestedBy, _time.GetUtcNow());
        var condition = rolloutId is null ? "attribute_exists(#token)" : "attribute_exists(#token) AND #rolloutId = :rolloutId";
        var values = rolloutId is null ? new Dictionary<string, AttributeValue>() : new() { [":rolloutId"] = Attr.S(rolloutId) };
        var update = Update(condition, values, new()
        {
            [ControlIdAttr] = Attr.S(request.Id),
            [ControlActionAttr] = Attr.S(action.ToWireName()),
            [ControlByAttr] = Attr.S(requestedBy),
            [ControlAtAttr] = Attr.Time(request.RequestedAt),
        }, []);
        if (rolloutId is not null) update.ExpressionAttributeNames["#rolloutId"] = RolloutIdAttr;
        if (await UpdateLeaseAsync(update, cancellationToken).ConfigureAwait(false) is not null) return request;
        var current = await ReadLeaseAsync(cancellationToken).ConfigureAwait(false);
        throw current is null ? new NoRolloutInProgressException(Stack, action) : new LeaseHeldException(Stack, current);
    }

    /// <summary>
    /// Clears the control request <paramref name="controlId"/> once the holder acted on it. False, and nothing changed,
    /// when a newer request replaced it (the holder sees that one at its next renew).
    /// </summary>
    /// <exception cref="LeaseLostException">The lease is no longer <paramref name="token"/>'s.</exception>
    public async Task<bool> ClearControlAsync(string token, string controlId, CancellationToken cancellationToken = default)
    {
        var update = Update("#token = :token AND #controlId = :controlId",
            new() { [":token"] = Attr.S(token), [":controlId"] = Attr.S(controlId) },
            [], [ControlIdAttr, ControlActionAttr, ControlByAttr, ControlAtAttr]);
        if (await UpdateLeaseAsync(update, cancellationToken).ConfigureAwait(false) is not null) return true;

        var current = await ReadLeaseAsync(cancellationToken).ConfigureAwait(false);
        return current?.Token == token ? false : throw new LeaseLostException(Stack, token, current);
    }

    private static ControlRequest? ReadControl(ItemReader read, Dictionary<string, AttributeValue> item)
    {
        if (!item.ContainsKey(ControlIdAttr)) return null;
        var action = read.String(ControlActionAttr);
        if (!ControlActions.TryParse(action, out var parsed)) read.Refuse(ControlActionAttr, $"expected {ControlActions.Allowed}");
        return new ControlRequest(read.String(ControlIdAttr), parsed, read.String(ControlByAttr), read.Time(ControlAtAttr));
    }
}
