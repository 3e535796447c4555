using System.Globalization;
using Infra.Runner.Rollout;
using Rollout.Bench;

// Simulated rollouts: each shifts 1-4 services, a gate alarm turns ALARM at a seeded random moment while traffic
// shifts, and the bench checks (1) the rollback update follows within the alarm watch's interval (one second, whatever
// the poll interval) and (2) it targets exactly one listener rule per service. Exit 1 when either bound is broken. Then the canary analysis figure: seeded
// traffic with an injected bad canary (errors, latency, load-balancer 503s, no healthy targets) must be caught, and a
// good canary with little traffic must not be failed by the analysis; both shares are printed (a figure, no bound).
// For the same alarms, the time from the state change to traffic back on the live color along three paths (the
// targeted update, the runner's direct switch, the release guard with no runner), with AWS's delays modeled
// (RollbackModel, printed), the runner's wait for its next alarm read simulated and its ledger requests counted.
// Bounds: every service switched before the reconciling update, and the fast path's and the guard's p99 under 3 s.
var rollouts = ArgValue("--rollouts", 5000);
var seed = ArgValue("--seed", 42);
var random = new Random(seed);
string[] stepChoices = ["10,50,100", "25,100", "5,25,50,100"];
string[] intervalChoices = ["5s", "10s", "30s"];
string[] bakeChoices = ["2m", "5m"];

var latencies = new List<(double Interval, double Seconds)>();
var ratios = new List<double>();
var violations = new List<string>();
var targetCounts = new Dictionary<int, int>();
// A random stream of its own, so the rollouts above draw exactly what they drew before the models existed.
var model = new RollbackModel(new Random(seed + 1));
var paths = new List<(double Interval, double Update, double Fast, double Guard)>();
for (var run = 0; run < rollouts; run++)
{
    var services = Enumerable.Range(1, random.Next(1, 5)).Select(i => $"svc{i}").ToList();
    var plan = RolloutPlanParser.Parse(new RolloutArguments
    {
        Services = services.Select(s => $"{s}={s}:2").ToList(),
        Steps = stepChoices[random.Next(stepChoices.Length)],
        Interval = intervalChoices[random.Next(intervalChoices.Length)],
        Bake = bakeChoices[random.Next(bakeChoices.Length)],
    });
    var shifting = plan.Bake * plan.Steps.Count;
    var clock = new SimulatedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    var stack = new SimulatedStack(services, clock);
    var alarms = new InjectedAlarms(stack, clock, TimeSpan.FromMilliseconds(random.NextDouble() * shifting.TotalMilliseconds));
    var quiet = new QuietPorts();
    // Error-free traffic at a steady p99: this part measures the alarm gate, so the analysis must pass.
    var traffic = new SimulatedTraffic(stack, clock, random, 1000, CanaryFault.None, maxLiveErrorRate: 0, latencySpread: 0);
    var result = await new RolloutEngine(new RolloutPorts(stack, alarms, traffic, quiet, quiet, stack, clock) { TargetHealth = stack, TrafficSwitch = stack })
        .DeployAsync(plan);

    var trippedAt = alarms.TrippedAt;
    var rollback = stack.Updates.FirstOrDefault(u => u.At >= trippedAt
        && u.Targets.All(t => t.EndsWith(":listener-rule", StringComparison.Ordinal))
        && u.Weights.Values.All(w => w == TrafficWeights.AllTo(DeployColor.Blue)));
    if (result.Outcome != RolloutOutcome.RolledBack || trippedAt is null || rollback is null)
    {
        violations.Add($"run {run}: alarm at +{alarms.Offset} into shifting ended {result.Outcome} ({result.Message}) without a rollback update");
        continue;
    }

    var latency = rollback.At - trippedAt.Value;
    latencies.Add((plan.PollInterval.TotalSeconds, latency.TotalSeconds));
    ratios.Add(latency / AlarmWatch.CallInterval);
    targetCounts[rollback.Targets.Count - services.Count] = targetCounts.GetValueOrDefault(rollback.Targets.Count - services.Count) + 1;
    if (latency > AlarmWatch.CallInterval)
    {
        violations.Add($"run {run}: rollback {latency.TotalSeconds:0.###}s after the alarm, alarm watch interval {AlarmWatch.CallInterval.TotalSeconds}s");
    }

    if (rollback.Targets.Count != services.Count || !rollback.Targets.Order().SequenceEqual(services.Select(SimulatedStack.TrafficUrn).Order()))
    {
        violations.Add($"run {run}: rollback targeted {rollback.Targets.Count} resources for {services.Count} services: {string.Join(", ", rollback.Targets)}");
    }

    var switched = stack.Switches.Where(s => s.At >= trippedAt && s.At <= rollback.At && s.Weights == TrafficWeights.AllTo(DeployColor.Blue)).ToList();
    if (switched.Count != services.Count)
    {
        violations.Add($"run {run}: {switched.Count} direct switches before the reconciling update for {services.Count} services");
        continue;
    }

    // The direct switches happen at the read that saw the alarm, like the update; the models add what AWS takes for
    // that read, the ledger requests made before the last switch (journal, rollout record, live colors) and the calls.
    var noticeWait = (switched[^1].At - trippedAt.Value).TotalSeconds;
    var ledgerCalls = switched[^1].LedgerCalls - alarms.LedgerCallsWhenNoticed!.Value;
    paths.Add((plan.PollInterval.TotalSeconds, model.UpdatePath(noticeWait, ledgerCalls), model.FastPath(noticeWait, ledgerCalls, services.Count), model.Guard(services.Count)));
}

Console.WriteLine($"rollouts: {rollouts} (seed {seed}), rolled back with a measured rollback: {latencies.Count}");
if (latencies.Count > 0)
{
    foreach (var group in latencies.GroupBy(l => l.Interval).OrderBy(g => g.Key))
    {
        var seconds = group.Select(l => l.Seconds).ToList();
        Console.WriteLine($"poll interval {group.Key}s ({seconds.Count} runs): alarm -> rollback update worst {seconds.Max():0.###}s, " +
            $"p99 {Percentile(seconds, 0.99):0.###}s, median {Percentile(seconds, 0.5):0.###}s");
    }

    Console.WriteLine($"as a share of the alarm watch's {AlarmWatch.CallInterval.TotalSeconds}s interval: worst {ratios.Max():0.####}, p99 {Percentile(ratios, 0.99):0.####} (bound: 1)");
    Console.WriteLine($"rollback targets minus services: {string.Join(", ", targetCounts.OrderBy(c => c.Key).Select(c => $"{c.Key:+0;-0;0} in {c.Value} runs"))} (bound: 0)");
}

if (paths.Count > 0)
{
    Console.WriteLine($"alarm state change -> traffic back on the live color ({paths.Count} runs); {RollbackModel.Describe()}:");
    Console.WriteLine(Figures("  targeted-update path", paths.Select(p => p.Update).ToList()));
    Console.WriteLine(Figures("  fast path (runner's direct switch)", paths.Select(p => p.Fast).ToList()));
    Console.WriteLine(Figures("  release guard, runner dead", paths.Select(p => p.Guard).ToList()));
    Console.WriteLine(Figures("  runner and guard both on (the default)", paths.Select(p => Math.Min(p.Fast, p.Guard)).ToList()));
    foreach (var group in paths.GroupBy(p => p.Interval).OrderBy(g => g.Key))
    {
        Console.WriteLine(Figures($"  fast path, poll interval {group.Key}s", group.Select(p => p.Fast).ToList()) +
            $" (alarms read every {AlarmWatch.CallInterval.TotalSeconds}s between polls)");
    }

    var guardP99 = Percentile(paths.Select(p => p.Guard).ToList(), 0.99);
    var fastP99 = Percentile(paths.Select(p => p.Fast).ToList(), 0.99);
    Console.WriteLine($"  goal p99 < 3s: fast path {fastP99:0.###}s ({(fastP99 < 3 ? "met" : "NOT met")}), guard {guardP99:0.###}s ({(guardP99 < 3 ? "met" : "NOT met")})");
    foreach (var (path, p99) in new[] { ("fast path", fastP99), ("release guard", guardP99) }.Where(p => p.Item2 >= 3))
    {
        violations.Add($"the {path}'s p99 is {p99:0.###}s; goal under 3s");
    }
}

var canaryRuns = ArgValue("--canary-runs", 2000);
CanaryFault[] faults = [CanaryFault.Errors, CanaryFault.Latency, CanaryFault.LoadBalancer503, CanaryFault.NoHealthyTargets];
var caught = faults.ToDictionary(f => f, _ => (Runs: 0, Caught: 0));
var (lowRuns, lowPassed, lowInconclusive, lowFalselyFailed) = (0, 0, 0, 0);
var canaryPlan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["svc1=svc1:2"] });
for (var run = 0; run < canaryRuns; run++)
{
    var bad = run % 2 == 0;
    var fault = bad ? faults[random.Next(faults.Length)] : CanaryFault.None;
    // Bad canaries at ordinary traffic (100-2000 requests a minute); good ones at 20-200, so the new color's first
    // step (10%) sees about 10 to 100 requests in its bake, around minRequestsPerStep.
    var perMinute = bad ? 100 + random.NextDouble() * 1900 : 20 + random.NextDouble() * 180;
    var clock = new SimulatedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    var stack = new SimulatedStack(["svc1"], clock);
    var quiet = new QuietPorts();
    var traffic = new SimulatedTraffic(stack, clock, random, perMinute, fault);
    var result = await new RolloutEngine(new RolloutPorts(stack, quiet, traffic, quiet, quiet, quiet, clock) { TargetHealth = stack }).DeployAsync(canaryPlan);
    if (bad)
    {
        var (runs, hits) = caught[fault];
        caught[fault] = (runs + 1, hits + (result.Outcome == RolloutOutcome.RolledBack ? 1 : 0));
        continue;
    }

    lowRuns++;
    if (result.Outcome == RolloutOutcome.Succeeded) lowPassed++;
    else if (result.Message.Contains("inconclusive", StringComparison.Ordinal)) lowInconclusive++;
    else lowFalselyFailed++;
}

var badRuns = caught.Values.Sum(c => c.Runs);
var badCaught = caught.Values.Sum(c => c.Caught);
var canary = canaryPlan.Canary;
Console.WriteLine($"canary analysis ({canaryRuns} runs, steps {string.Join(",", canaryPlan.Steps)}, bake {canaryPlan.Bake.TotalMinutes}m, " +
    $"minRequestsPerStep {canary.MinRequestsPerStep}, maxInconclusiveMinutes {canary.MaxInconclusive.TotalMinutes}, errorRateRatio {canary.ErrorRateRatio}, " +
    $"errorRateFloorPercent {canary.ErrorRateFloorPercent}, latencyRatio {canary.LatencyRatio}):");
Console.WriteLine($"  bad canary runs caught: {badCaught}/{badRuns} ({Share(badCaught, badRuns)}); " +
    string.Join(", ", caught.Select(c => $"{c.Key} {c.Value.Caught}/{c.Value.Runs}")));
Console.WriteLine($"  good canary, low traffic, not falsely failed: {lowRuns - lowFalselyFailed}/{lowRuns} ({Share(lowRuns - lowFalselyFailed, lowRuns)}); " +
    $"passed {lowPassed}, stopped as still inconclusive {lowInconclusive}, failed by the analysis {lowFalselyFailed}");

foreach (var violation in violations.Take(20)) Console.WriteLine($"VIOLATION {violation}");
Console.WriteLine(violations.Count == 0 ? "bounds held" : $"{violations.Count} violation(s)");
return violations.Count == 0 ? 0 : 1;

static string Share(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:0.0}%";

static string Figures(string label, List<double> seconds) =>
    $"{label}: p50 {Percentile(seconds, 0.5):0.###}s, p99 {Percentile(seconds, 0.99):0.###}s, worst {seconds.Max():0.###}s";

static double Percentile(List<double> values, double share)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Ceiling(share * sorted.Count) - 1];
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
