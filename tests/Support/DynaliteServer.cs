using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Infra.Stacks.Release;

namespace TestSupport;

/// <summary>
/// The DynamoDB-compatible server of tools/dynalite, started with node on 127.0.0.1 on a port the OS picks. It exits
/// when its stdin closes, so it never outlives this test process; disposing kills it at once.
/// </summary>
internal sealed class DynaliteServer : IDisposable
{
    private readonly Process _process;

    private DynaliteServer(Process process, int port)
    {
        _process = process;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Endpoint { get; }

    public static async Task<DynaliteServer> StartAsync()
    {
        var folder = Path.Combine(RepoRoot.Path, "tools", "dynalite");
        if (!File.Exists(Path.Combine(folder, "node_modules", "dynalite", "package.json")))
            throw new InvalidOperationException(
                $"the DynamoDB-compatible test server is not installed ({Path.Combine(folder, "node_modules")} is missing); " +
                "run ./build.sh test, which installs it from its lock file before the suites that need it, or install only it " +
                "with npm ci --prefix tools/dynalite --ignore-scripts");
        var node = FindOnPath("node") ?? throw new InvalidOperationException(
            "node is not on PATH; the ledger tests run the DynamoDB-compatible server tools/dynalite/server.mjs with it");

        var start = new ProcessStartInfo(node, "server.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {node} server.mjs");
        // A guard against a server that hangs before listening, not a timing assertion.
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var line = await process.StandardOutput.ReadLineAsync(startup.Token);
        if (!int.TryParse(line, out var port))
        {
            process.Kill(entireProcessTree: true);
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"tools/dynalite/server.mjs did not print its port (printed '{line}'): {error}");
        }
        return new DynaliteServer(process, port);
    }

    /// <summary>Creates the stack's ledger table with the key schema the stack declares, and waits until it is active.</summary>
    public static async Task CreateLedgerTableAsync(IAmazonDynamoDB client, string stack)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = LedgerTable.NameFor(stack),
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition(LedgerTable.PartitionKey, LedgerTable.KeyAttributeType),
                new AttributeDefinition(LedgerTable.SortKey, LedgerTable.KeyAttributeType),
            ],
            KeySchema = [new KeySchemaElement(LedgerTable.PartitionKey, KeyType.HASH), new KeySchemaElement(LedgerTable.SortKey, KeyType.RANGE)],
        });
        // dynalite turns a table ACTIVE on its next timer tick; until then items "do not exist", as on AWS.
        while ((await client.DescribeTableAsync(LedgerTable.NameFor(stack))).Table.TableStatus != TableStatus.ACTIVE)
        {
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
