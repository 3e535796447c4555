using System.Text;
using System.Text.Json.Nodes;
using Infra.Stacks.Release;

namespace Infra.Components.Release;

/// <summary>
/// Where the guard finds its configuration: not in its environment, which Lambda caps at 4 KB for all variables
/// together (a handful of services fill it), but in the stack's own release ledger, item
/// <see cref="LedgerTable.GuardConfigItem"/> under the stack's partition key, the <see cref="GuardConfig"/> document in
/// attribute <see cref="Attribute"/>. The function's environment only names that item.
/// </summary>
public static class GuardConfigItem
{
    /// <summary>The environment variable holding the stack name: the item's partition key.</summary>
    public const string StackVariable = "GUARD_STACK";

    /// <summary>The environment variable holding the ledger table's name.</summary>
    public const string TableVariable = "GUARD_LEDGER_TABLE";

    /// <summary>The item's attribute (type S) holding <see cref="GuardConfig.ToJson"/>.</summary>
    public const string Attribute = "config";

    /// <summary>DynamoDB's limit on one item: 400 KB, attribute names and values together, in UTF-8 bytes.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>
    /// The item in DynamoDB's JSON (attribute → typed value), as <c>aws.dynamodb.TableItem</c> takes it. Throws an
    /// <see cref="ArgumentException"/> when it would exceed <see cref="MaxItemBytes"/>, which DynamoDB would refuse.
    /// </summary>
    public static string ToItemJson(GuardConfig config)
    {
        var attributes = new Dictionary<string, string>
        {
            [LedgerTable.PartitionKey] = config.Stack,
            [LedgerTable.SortKey] = LedgerTable.GuardConfigItem,
            [Attribute] = config.ToJson(),
        };
        var size = attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value));
        if (size > MaxItemBytes)
            throw new ArgumentException(
                $"the release guard's configuration of stack '{config.Stack}' (services: {config.Services.Count}, " +
                $"alarms: {config.AlarmWatchers().Count}) is {size} bytes as item '{LedgerTable.GuardConfigItem}' of ledger table " +
                $"{config.LedgerTable}; a DynamoDB item holds at most {MaxItemBytes} bytes (400 KB): split the services across stacks " +
                "or turn the release guard off (infra:releaseGuard.enabled: false)", nameof(config));
        var item = new JsonObject();
        foreach (var (name, value) in attributes) item[name] = new JsonObject { ["S"] = value };
        return item.ToJsonString();
    }
}
