using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;

namespace Infra.Ledger;

// The release guard's marks on the lease (guardId, guardReason, guardAt, guardState, guardDetail). Only the guard
// writes them, with UpdateItem so the runner's attributes stay; the runner reads them, and they go with the lease.
public sealed partial class ReleaseLedger
{
    private const string GuardIdAttr = "guardId";
    private const string GuardReasonAttr = "guardReason";
    private const string GuardAtAttr = "guardAt";
    private const string GuardStateAttr = "guardState";
    private const string GuardDetailAttr = "guardDetail";

    private static ReleaseGuardMark? ReadGuard(ItemReader read, Dictionary<string, AttributeValue> item)
    {
        if (!item.ContainsKey(GuardIdAttr)) return null;
        var state = read.String(GuardStateAttr);
        if (!GuardStates.TryParse(state, out var parsed)) read.Refuse(GuardStateAttr, $"expected {GuardStates.Allowed}");
        return new ReleaseGuardMark(read.String(GuardIdAttr), read.String(GuardReasonAttr), read.Time(GuardAtAttr), parsed,
            read.OptionalString(GuardDetailAttr));
    }
}
