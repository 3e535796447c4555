using System.Net;
using Infra.Stacks.Validation;

namespace Infra.Components.Network;

/// <summary>The subnets of one availability zone.</summary>
public sealed record ZoneSubnets(string AvailabilityZone, string PrivateCidr, string PublicCidr);

/// <summary>
/// Carves the VPC CIDR into one private and one public subnet per availability zone. Each subnet is a sixteenth of
/// the VPC: private subnets take slots 0–5, public ones slots 8–13, so adding a zone later never moves a subnet.
/// </summary>
public static class SubnetLayout
{
    public const int MaxZones = 6;
    private const int SubnetBits = 4;
    private const int PublicSlotOffset = 8;
    // AWS's smallest subnet is /28, so the VPC must leave room for 4 more bits.
    private const int LargestVpcPrefix = 28 - SubnetBits;

    /// <summary>Zones are named <c>&lt;region&gt;a</c>, <c>&lt;region&gt;b</c>, ... so the plan needs no lookup.</summary>
    public static IReadOnlyList<ZoneSubnets> For(string vpcCidr, string region, int zoneCount)
    {
        if (!Cidr.TryParse(vpcCidr, out var prefix))
            throw new ArgumentException($"vpcCidr '{vpcCidr}' is not an IPv4 CIDR block; expected a form like 10.0.0.0/16", nameof(vpcCidr));
        if (prefix > LargestVpcPrefix)
            throw new ArgumentException(
                $"vpcCidr '{vpcCidr}' is too small to split into subnets; use a prefix of /{LargestVpcPrefix} or shorter, e.g. 10.0.0.0/16",
                nameof(vpcCidr));
        if (zoneCount is < 1 or > MaxZones)
            throw new ArgumentException($"zoneCount {zoneCount} is out of range; allowed 1 to {MaxZones}", nameof(zoneCount));

        var network = ToUInt(vpcCidr.Split('/')[0]) & Mask(prefix);
        var subnetPrefix = prefix + SubnetBits;
        var subnetSize = 1u << (32 - subnetPrefix);
        string Block(int slot) => $"{ToAddress(network + (uint)slot * subnetSize)}/{subnetPrefix}";

        return Enumerable.Range(0, zoneCount)
            .Select(i => new ZoneSubnets($"{region}{(char)('a' + i)}", Block(i), Block(PublicSlotOffset + i)))
            .ToList();
    }

    private static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);

    private static uint ToUInt(string address)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    private static string ToAddress(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
