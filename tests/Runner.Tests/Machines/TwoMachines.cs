using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Pulumi.Automation;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;
using TestSupport;

namespace Runner.Tests.Machines;

/// <summary>
/// Two machines: two project folders with the same stack file, sharing what machines really share — the stack's
/// Pulumi backend (a <c>file://</c> backend folder), its release ledger (dynalite) and CloudWatch (a fake CloudWatch,
/// every alarm OK). The stack has been deployed once, and a rollout of web:2 to green is at 50% with its runner
/// stopped cleanly, so either machine can resume it.
/// </summary>
internal sealed class TwoMachines : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("machines-").FullName;
    private readonly FakeCloudWatchServer cloudWatch = FakeCloudWatchServer.Start();
    private readonly Dictionary<string, string> environment = new();

    private TwoMachines(string stack) => Stack = stack;

    public string Stack { get; }

    public string A => Path.Combine(root, "machine-a");

    public string B => Path.Combine(root, "machine-b");

    public IReadOnlyDictionary<string, string> Environment => environment;

    public ReleaseLedger Ledger { get; private set; } = null!;

    public string RolloutId { get; } = "r-two-machines";

    /// <param name="seed">Changes the seeded rollout record (e.g. its plan, or a pause it stopped in) before it is written.</param>
    public static async Task<TwoMachines> StartAsync(Func<RolloutRecord, RolloutRecord>? seed = null)
    {
        var machines = new TwoMachines(await LocalLedger.NewStackAsync("two"));
        await machines.SeedAsync(seed ?? (record => record));
        return machines;
    }

    /// <summary>Starts a runner command on one machine.</summary>
    public RunnerProcess Start(string machine, params string[] args) => RunnerProcess.Start(machine, environment, [.. args, "--stack", Stack]);

    public Task<(int ExitCode, string Output)> RunAsync(string machine, params string[] args) =>
        RunnerProcess.RunAsync(machine, environment, [.. args, "--stack", Stack]);

    public void Dispose()
    {
        cloudWatch.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private async Task SeedAsync(Func<RolloutRecord, RolloutRecord> seed)
    {
        foreach (var (name, value) in await LocalLedger.EnvironmentAsync()) environment[name] = value;
        environment["AWS_ENDPOINT_URL_CLOUDWATCH"] = cloudWatch.Endpoint;
        environment["PULUMI_BACKEND_URL"] = new Uri(Path.Combine(root, "backend") + Path.DirectorySeparatorChar).AbsoluteUri;
        foreach (var machine in new[] { A, B })
        {
            Directory.CreateDirectory(machine);
            OfflineProject.WriteProjectFile(machine);
            await File.WriteAllTextAsync(Path.Combine(machine, $"Pulumi.{Stack}.yaml"), OfflineProject.StackFile);
        }

        var args = new LocalProgramArgs(Stack, A) { EnvironmentVariables = new Dictionary<string, string>(environment) };
        using var stack = await LocalWorkspace.SelectStackAsync(args);
        await stack.UpAsync();
        Ledger = LocalLedger.Ledger(Stack);
        using var hold = new RolloutHold(Ledger, takeOver: false, TimeProvider.System, new LedgerJournal(Ledger));
        var settings = await stack.ReadSettingsAsync(CancellationToken.None);
        var operations = new LedgerStackOperations(stack, Ledger, ReleaseMapping.Seed(settings), hold, settings);
        var outputs = await operations.ReadOutputsAsync(CancellationToken.None);
        var web = outputs.For("web");
        foreach (var alarm in web.Blue.GateAlarmNames.Concat(web.Green.GateAlarmNames).Concat(web.CriticalAlarmNames)) cloudWatch.SetAlarm(alarm, "OK");
        // Green's tasks are running and healthy whenever a deploy waits for them (per minute, around the test's run).
        SetTargetHealth(outputs.TargetGroup("web", DeployColor.Green), web.DesiredCount);

        var plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], Steps = "50,100", Bake = "10m", Interval = "1s" });
        var record = new RolloutRecord(RolloutId, RolloutHarness.Start, plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.Shifting, 0, RolloutHarness.Start, PromotionRequest.None);
        await operations.WriteRolloutRecordAsync(seed(record), CancellationToken.None);
        await operations.SetImageAsync("web", DeployColor.Green, "web:2", CancellationToken.None);
        await operations.SetRunningAsync("web", DeployColor.Green, true, CancellationToken.None);
        await operations.SetWeightsAsync("web", new TrafficWeights(50, 50), CancellationToken.None);
        await operations.UpdateAsync(web.TrafficUrns, CancellationToken.None);
        // The runner that did this was interrupted cleanly: it gave its hold up.
        await operations.ReleaseRolloutAsync(CancellationToken.None);
    }

    private void SetTargetHealth(TargetGroupRef group, int healthy)
    {
        var dimensions = new Dictionary<string, string> { ["TargetGroup"] = group.TargetGroupArnSuffix, ["LoadBalancer"] = group.LoadBalancerArnSuffix };
        var now = DateTime.UtcNow;
        var minutes = Enumerable.Range(-10, 70).Select(m => new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(m)).ToList();
        cloudWatch.SetDatapoints("AWS/ApplicationELB", "HealthyHostCount", dimensions, minutes.Select(m => (m, (double)healthy)));
        cloudWatch.SetDatapoints("AWS/ApplicationELB", "UnHealthyHostCount", dimensions, minutes.Select(m => (m, 0.0)));
    }
}
