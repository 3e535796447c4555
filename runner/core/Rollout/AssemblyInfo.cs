using System.Runtime.CompilerServices;

// The engine's pure helpers (gate, ledger, targets) are internal; their tests live in Runner.Tests.
[assembly: InternalsVisibleTo("Runner.Tests")]

// The benchmark's bound is the alarm watch's interval.
[assembly: InternalsVisibleTo("Rollout.Bench")]
