using System.Security.Cryptography;
using System.Text;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Conventions;

/// <summary>
/// Names derived from the project and stack, so two stacks in one account never collide.
/// </summary>
public sealed record Naming(string Project, string Stack)
{
    /// <summary>CloudWatch's limit on alarm names.</summary>
    public const int MaxAlarmNameLength = 255;

    /// <summary><c>&lt;project&gt;-&lt;stack&gt;</c>, the start of every physical name.</summary>
    public string Prefix => $"{Project}-{Stack}";

    /// <summary><c>&lt;project&gt;-&lt;stack&gt;-&lt;part&gt;-...</c>.</summary>
    public string Resource(params string[] parts) => string.Join("-", [Prefix, .. parts]);

    /// <summary>
    /// <c>&lt;project&gt;-&lt;stack&gt;[-&lt;service&gt;][-&lt;color&gt;]-&lt;what&gt;</c>, at most 255 characters. A longer name
    /// is cut and ends with a hash of the full name, so it stays unique and deterministic.
    /// </summary>
    public string AlarmName(string? service, Color? color, string what)
    {
        var parts = new List<string> { Prefix };
        if (service is not null) parts.Add(service);
        if (color is { } c) parts.Add(c.ToConfigName());
        parts.Add(what);
        var name = string.Join("-", parts);
        if (name.Length <= MaxAlarmNameLength) return name;

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"{name[..(MaxAlarmNameLength - hash.Length - 1)]}-{hash}";
    }
}
