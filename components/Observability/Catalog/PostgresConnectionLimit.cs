using System.Text.RegularExpressions;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// RDS for PostgreSQL's default <c>max_connections</c>: LEAST(instance memory in bytes / 9531392, 5000). Memory comes
/// from the instance class name (<c>db.&lt;family&gt;&lt;generation&gt;.&lt;size&gt;</c>), so the estimate needs no AWS call.
/// </summary>
public static partial class PostgresConnectionLimit
{
    private const long BytesPerConnection = 9_531_392;
    private const int Ceiling = 5000;
    private const long GiB = 1L << 30;

    [GeneratedRegex(@"^db\.(?<family>[a-z])[a-z0-9-]*\.(?<size>micro|small|medium|large|(?<times>\d*)xlarge)$")]
    private static partial Regex ClassShape();

    /// <summary>The default connection limit of <paramref name="instanceClass"/>, or null when its memory is not known.</summary>
    public static int? For(string instanceClass)
    {
        if (MemoryGiB(instanceClass) is not { } gib) return null;
        return (int)Math.Min(gib * GiB / BytesPerConnection, Ceiling);
    }

    // Burstable and general-purpose classes have 8 GiB at "large", memory-optimized r 16 and x 32; each xlarge step doubles it.
    private static long? MemoryGiB(string instanceClass)
    {
        var match = ClassShape().Match(instanceClass);
        if (!match.Success) return null;
        var size = match.Groups["size"].Value;
        long? large = match.Groups["family"].Value switch { "t" or "m" => 8, "r" => 16, "x" => 32, _ => null };
        return size switch
        {
            "micro" => 1,
            "small" => 2,
            "medium" => 4,
            "large" => large,
            _ => large * 2 * (match.Groups["times"].Value is { Length: > 0 } times ? long.Parse(times) : 1),
        };
    }
}
