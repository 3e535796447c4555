using System.Globalization;
using Infra.Runner.Rollout;
using Rollout.Bench;

// Simulated rollouts: each shifts 1-4 services, a gate alarm turns ALARM at a seeded random moment while traffic
// shifts, and the bench checks (1) the rollback update follows within one poll interval and (2) it targets exactly
// one listener rule per service. Exit 1 when either bound is broken.
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
    var result = await new RolloutEngine(new RolloutPorts(stack, alarms, quiet, quiet, quiet, clock) { TargetHealth = stack }).DeployAsync(plan);

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
    ratios.Add(latency / plan.PollInterval);
    targetCounts[rollback.Targets.Count - services.Count] = targetCounts.GetValueOrDefault(rollback.Targets.Count - services.Count) + 1;
    if (latency > plan.PollInterval)
    {
        violations.Add($"run {run}: rollback {latency.TotalSeconds:0.###}s after the alarm, poll interval {plan.PollInterval.TotalSeconds}s");
    }

    if (rollback.Targets.Count != services.Count || !rollback.Targets.Order().SequenceEqual(services.Select(SimulatedStack.TrafficUrn).Order()))
    {
        violations.Add($"run {run}: rollback targeted {rollback.Targets.Count} resources for {services.Count} services: {string.Join(", ", rollback.Targets)}");
    }
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

    Console.WriteLine($"as a share of the poll interval: worst {ratios.Max():0.####}, p99 {Percentile(ratios, 0.99):0.####} (bound: 1)");
    Console.WriteLine($"rollback targets minus services: {string.Join(", ", targetCounts.OrderBy(c => c.Key).Select(c => $"{c.Key:+0;-0;0} in {c.Value} runs"))} (bound: 0)");
}

foreach (var violation in violations.Take(20)) Console.WriteLine($"VIOLATION {violation}");
Console.WriteLine(violations.Count == 0 ? "bounds held" : $"{violations.Count} violation(s)");
return violations.Count == 0 ? 0 : 1;

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
