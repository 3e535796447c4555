using System.Text.RegularExpressions;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// The release ledger as dr-drill.yml's commands use it: <c>drill</c> and <c>failback</c> take, renew (every 30 s) and
/// release the stack's lease in the primary region and read and write the release and <c>dr</c> items there; the drill's
/// failover reads and writes them through the DR region's replica. The policy is read from exactly the ledger files
/// those calls reach, so a lease renewal the role may not make (lost after two minutes, exit 5) fails here.
/// </summary>
public partial class DrDrillPolicyTests
{
    private const string PrimaryLedger = "arn:aws:dynamodb:eu-west-1:123456789012:table/infra-staging-releases";
    private const string DrLedger = "arn:aws:dynamodb:eu-central-1:123456789012:table/infra-staging-releases";

    /// <summary>The ledger files whose DynamoDB calls the DR commands reach.</summary>
    private static string[] DrLedgerFiles =>
    [
        "ledger/ReleaseLedger.cs", "ledger/ReleaseLedger.Dr.cs", "ledger/ReleaseLedger.Journal.cs", "ledger/ReleaseLedger.Lease.cs",
        "ledger/ReleaseLedger.PromotionMark.cs", "ledger/ReleaseLedger.Release.cs",
    ];

    /// <summary>The runner's files that call the ledger for <c>drill</c>, its failover and <c>failback</c>.</summary>
    private static IEnumerable<string> DrLedgerCallers =>
    [
        "runner/cli/Commands/DrCommands.cs", "runner/cli/Commands/DrillCommand.cs", "runner/cli/Commands/HeldDrCommand.cs", "runner/cli/Commands/DrAdapters.cs",
        "runner/cli/Adapters/LedgerDeclaredSettings.cs", "runner/cli/Adapters/LedgerDrillReports.cs", "runner/cli/Adapters/PulumiDrillStack.cs",
        "runner/cli/Adapters/ReleaseStore.cs",
        .. Directory.GetFiles(Path.Combine(RepoFiles.Root, "runner", "cli", "Adapters", "Dr"), "*.cs")
            .Select(f => Path.GetRelativePath(RepoFiles.Root, f).Replace('\\', '/')),
    ];

    /// <summary>
    /// The other runner files that hold the ledger: rollouts' (deploy, resume, status; the DR callers make none of them)
    /// and the rollout journal, which the DR callers only append to (DrLeaseHold's TakenOver), never read.
    /// </summary>
    private static readonly string[] RolloutLedgerFiles =
    [
        "runner/cli/Adapters/LedgerJournal.cs", "runner/cli/Adapters/LedgerStackOperations.cs", "runner/cli/Adapters/RolloutHold.cs",
        "runner/cli/Commands/RunnerSession.cs",
    ];

    [GeneratedRegex(@"\bledger\.(?<method>[A-Z]\w*Async)\(")]
    private static partial Regex LedgerCall();

    [GeneratedRegex(@"(?:public|private|internal)\s[\w<>?,\[\] ]*\s(?<method>[A-Z]\w*Async)\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex(@"\b(?<method>[A-Z]\w*Async)\(")]
    private static partial Regex MethodCall();

    private static string Source(string file) => File.ReadAllText(Path.Combine(RepoFiles.Root, file));

    /// <summary>Starting from the ledger methods the DR callers name, every ledger file a call leads to, through the ledger's own calls.</summary>
    private static SortedSet<string> LedgerFilesReached()
    {
        var declaredIn = Directory.GetFiles(Path.Combine(RepoFiles.Root, "ledger"), "ReleaseLedger*.cs")
            .Select(f => Path.GetRelativePath(RepoFiles.Root, f).Replace('\\', '/'))
            .SelectMany(file => MethodDeclaration().Matches(Source(file)).Select(m => (Method: m.Groups["method"].Value, File: file)))
            .ToLookup(d => d.Method, d => d.File);
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(DrLedgerCallers.SelectMany(f => LedgerCall().Matches(Source(f))).Select(m => m.Groups["method"].Value));
        while (pending.TryDequeue(out var method))
        {
            Assert.True(declaredIn.Contains(method), $"the DR commands call ledger.{method}, which no ledger/ReleaseLedger*.cs file declares");
            foreach (var file in declaredIn[method].Where(reached.Add))
            {
                foreach (var called in MethodCall().Matches(Source(file)).Select(m => m.Groups["method"].Value).Where(declaredIn.Contains)) pending.Enqueue(called);
            }
        }

        return reached;
    }

    [Fact]
    public void The_policy_is_read_from_every_ledger_file_the_dr_commands_reach()
    {
        Assert.Equal(new SortedSet<string>(DrLedgerFiles, StringComparer.Ordinal), LedgerFilesReached());
    }

    [Fact]
    public void Every_runner_file_that_holds_the_ledger_is_a_dr_caller_or_a_rollouts_and_the_dr_commands_use_no_rollout_one()
    {
        var holders = Directory.GetFiles(Path.Combine(RepoFiles.Root, "runner"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoFiles.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && Source(f).Contains("ReleaseLedger", StringComparison.Ordinal));

        Assert.Subset(DrLedgerCallers.Concat(RolloutLedgerFiles).ToHashSet(StringComparer.Ordinal), holders.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(holders.ToHashSet(StringComparer.Ordinal), RolloutLedgerFiles.ToHashSet(StringComparer.Ordinal));
        Assert.All(DrLedgerCallers, f => Assert.DoesNotMatch(@"new (LedgerStackOperations|RolloutHold)\(|RunnerSession\.OpenAsync\(|\.(ReadAllAsync|ReadNewestFirstAsync)\(", Source(f)));
    }

    /// <summary>The ledger's event query (dynamodb:Query) is reached only through the event reads, which no DR caller makes.</summary>
    [Fact]
    public void The_dr_commands_never_read_the_ledgers_events()
    {
        Assert.All(DrLedgerCallers, f => Assert.DoesNotMatch(@"\.(ReadEventsAsync|ReadAllEventsAsync|ReadAllEventsNewestFirstAsync)\(", Source(f)));
        Assert.Contains("_client.QueryAsync(request", Source("ledger/ReleaseLedger.Journal.cs"));
    }

    /// <summary>
    /// The lease lives where each command takes it: drill and fail-back in the primary region (renewed by UpdateItem,
    /// released by DeleteItem); the drill's failover takes none, and only reads and writes items through the DR replica.
    /// </summary>
    [Fact]
    public void The_lease_is_renewed_and_released_in_the_primary_region_and_items_are_read_and_written_in_both()
    {
        Assert.Equal([PrimaryLedger], ResourcesOf("dynamodb:UpdateItem"));
        Assert.Equal([PrimaryLedger], ResourcesOf("dynamodb:DeleteItem"));
        Assert.Equal([DrLedger, PrimaryLedger], ResourcesOf("dynamodb:GetItem"));
        Assert.Equal([DrLedger, PrimaryLedger], ResourcesOf("dynamodb:PutItem"));
    }
}
