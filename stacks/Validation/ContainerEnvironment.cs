using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>
/// What ECS accepts in a container's <c>environment</c> and <c>secrets</c>: names of letters, digits and
/// underscores not starting with a digit, and entries that fit the task definition, which ECS caps at 64 KiB in all.
/// </summary>
public static partial class ContainerEnvironment
{
    /// <summary>ECS's limit on a whole task definition (Amazon ECS service quotas: "Task definition size", 64 KiB).</summary>
    public const int TaskDefinitionBytes = 64 * 1024;

    /// <summary>
    /// What a service's environment and secrets may take of it: 60 KiB, leaving 4 KiB for the rest of the task
    /// definition our services declare (image, ports, logging, health check, roles, sizes: under 2 KiB today).
    /// </summary>
    public const int MaxBytes = 60 * 1024;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NameShape();

    public static void Validate(ServiceSettings s, string path, Diagnostics d)
    {
        foreach (var (map, key) in new[] { (s.Environment, "environment"), (s.Secrets, "secrets") })
        {
            foreach (var name in map.Keys.Where(n => !NameShape().IsMatch(n)))
                d.Error($"{path}.{key}.{name}",
                    $"{Shown.Text(name)} is not an environment variable name; use letters, digits and _, not starting with a digit");
        }

        var bytes = s.Environment.Sum(e => EntryBytes(new { name = e.Key, value = e.Value }))
            + s.Secrets.Sum(e => EntryBytes(new { name = e.Key, valueFrom = e.Value }));
        if (bytes > MaxBytes)
            d.Error($"{path}.environment",
                $"environment and secrets take {bytes} bytes of the task definition; at most {MaxBytes} (60 KiB), " +
                $"because ECS allows {TaskDefinitionBytes} bytes (64 KiB) per task definition; keep large values in Secrets Manager or S3");
    }

    // Each entry as ECS receives it in the container definition's JSON.
    private static long EntryBytes(object entry) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(entry, Json)) + 1;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
