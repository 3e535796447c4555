using System.Runtime.CompilerServices;

// The engine's pure helpers (gate, ledger, targets) are internal; their tests live in Runner.Tests.
[assembly: InternalsVisibleTo("Runner.Tests")]
