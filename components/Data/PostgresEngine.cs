namespace Infra.Components.Data;

/// <summary>What the database components need to know about the PostgreSQL engine on RDS.</summary>
public static class PostgresEngine
{
    /// <summary>The RDS engine name.</summary>
    public const string Name = "postgres";

    public const int Port = 5432;

    /// <summary>Log types exported to CloudWatch Logs: the server log and the major-version upgrade log.</summary>
    public static IReadOnlyList<string> LogExports { get; } = ["postgresql", "upgrade"];

    /// <summary>What every parameter group sets: connections without TLS are refused.</summary>
    public static IReadOnlyDictionary<string, string> Parameters { get; } =
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["rds.force_ssl"] = "1" };

    /// <summary>Whether a version names only the major release, e.g. <c>16</c> rather than <c>16.4</c>.</summary>
    public static bool IsMajorOnly(string engineVersion) => !engineVersion.Contains('.');

    /// <summary>The parameter-group family of an engine version, from its major version: 16.4 → postgres16.</summary>
    public static string Family(string engineVersion)
    {
        var major = engineVersion.Split('.')[0];
        if (major.Length == 0 || !major.All(char.IsAsciiDigit))
            throw new ArgumentException($"'{engineVersion}' is not a PostgreSQL version; expected a form like 16.4", nameof(engineVersion));
        return $"{Name}{major}";
    }
}
