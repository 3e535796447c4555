namespace Infra.Stacks.Validation;

/// <summary>The cpu/memory combinations Fargate accepts.</summary>
public static class FargateSizes
{
    private sealed record MemoryRange(int Cpu, int From, int To, int Step);

    private static readonly MemoryRange[] Ranges =
    [
        new(256, 512, 2048, 512),
        new(512, 1024, 4096, 1024),
        new(1024, 2048, 8192, 1024),
        new(2048, 4096, 16384, 1024),
        new(4096, 8192, 30720, 1024),
        new(8192, 16384, 61440, 4096),
        new(16384, 32768, 122880, 8192),
    ];

    public static bool IsValidCpu(int cpu) => Ranges.Any(r => r.Cpu == cpu);

    public static bool IsValidPair(int cpu, int memory) =>
        Ranges.Any(r => r.Cpu == cpu && memory >= r.From && memory <= r.To && (memory - r.From) % r.Step == 0);

    /// <summary>Every valid pair as ranges, for messages.</summary>
    public static string Describe() => string.Join("; ", Ranges.Select(Describe));

    // cpu 256 is the one size whose list is short and irregular enough to read better spelled out.
    private static string Describe(MemoryRange r) => r.Cpu == 256
        ? "cpu 256 with memory 512, 1024 or 2048"
        : $"cpu {r.Cpu} with memory {r.From} to {r.To} in steps of {r.Step}";
}
