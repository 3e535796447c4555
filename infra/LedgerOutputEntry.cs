using System.Collections.Immutable;
using Infra.Components.Data;
using Pulumi;

namespace Infra;

/// <summary>
/// The <c>ledger</c> stack output: where the release ledger is, for the runner and operators: <c>tableName</c>,
/// <c>tableArn</c>, <c>region</c> (the primary's) and <c>replicaRegion</c> (null without a replica).
/// </summary>
public static class LedgerOutputEntry
{
    public static Output<ImmutableDictionary<string, object?>> For(ReleaseLedger ledger) =>
        Output.Tuple(ledger.TableName, ledger.TableArn, ledger.Region, ledger.ReplicaRegion)
            .Apply(values => ImmutableDictionary<string, object?>.Empty
                .Add("tableName", values.Item1)
                .Add("tableArn", values.Item2)
                .Add("region", values.Item3)
                .Add("replicaRegion", values.Item4));
}
