namespace Infra.Stacks.Release;

/// <summary>
/// The release ledger's table: its name and key schema, shared by the table the stack declares and the code that
/// reads and writes it. All items of a stack live under one partition key, the stack name.
/// </summary>
public static class LedgerTable
{
    /// <summary>Partition key attribute (type S): the stack name.</summary>
    public const string PartitionKey = "pk";

    /// <summary>
    /// Sort key attribute (type S): <see cref="ReleaseItem"/>, <see cref="DrItem"/>, <see cref="LeaseItem"/>, <see cref="GuardConfigItem"/>
    /// or an event key.
    /// </summary>
    public const string SortKey = "sk";

    /// <summary>DynamoDB's attribute type of both keys: string.</summary>
    public const string KeyAttributeType = "S";

    /// <summary>Sort key of the item holding the desired and applied release.</summary>
    public const string ReleaseItem = "release";

    /// <summary>
    /// Sort key of the item holding the DR promotion, written only by failover, fail-back and drills. Its own item, not a
    /// field of the release item: the table is a global table whose regions resolve concurrent writes last-writer-wins per
    /// item, so a release written in the primary region during an outage could otherwise silently undo a promotion
    /// written in the DR region.
    /// </summary>
    public const string DrItem = "dr";

    /// <summary>Sort key of the item describing the rollout in progress.</summary>
    public const string LeaseItem = "lease";

    /// <summary>
    /// Sort key of the release guard's configuration: written by <c>pulumi up</c> (the stack's TableItem), read by the
    /// guard at each invocation; the runner never touches it.
    /// </summary>
    public const string GuardConfigItem = "guard-config";

    /// <summary>Prefix of the sort keys of journal events: <c>event#&lt;ISO timestamp&gt;#&lt;random&gt;</c>.</summary>
    public const string EventItemPrefix = "event#";

    /// <summary><c>infra-&lt;stack&gt;-releases</c>.</summary>
    public static string NameFor(string stack) => $"infra-{stack}-releases";
}
