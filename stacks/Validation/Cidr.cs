using System.Net;
using System.Net.Sockets;

namespace Infra.Stacks.Validation;

/// <summary>IPv4 CIDR blocks such as <c>10.0.0.0/16</c>.</summary>
public static class Cidr
{
    /// <summary>True for an IPv4 address, a slash and a prefix length 0–32; returns the prefix length.</summary>
    public static bool TryParse(string text, out int prefixLength)
    {
        prefixLength = -1;
        var parts = text.Split('/');
        return parts.Length == 2
            && parts[0].Count(c => c == '.') == 3
            && IPAddress.TryParse(parts[0], out var address)
            && address.AddressFamily == AddressFamily.InterNetwork
            && int.TryParse(parts[1], out prefixLength)
            && prefixLength is >= 0 and <= 32;
    }
}
