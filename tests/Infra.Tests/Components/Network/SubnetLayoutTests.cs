using Infra.Components.Network;

namespace Infra.Tests.Components.Network;

public sealed class SubnetLayoutTests
{
    [Fact]
    public void Three_zones_of_a_slash_16_get_slash_20_subnets_private_first_public_from_slot_8()
    {
        var zones = SubnetLayout.For("10.20.0.0/16", "eu-west-1", 3);

        Assert.Equal(
        [
            new ZoneSubnets("eu-west-1a", "10.20.0.0/20", "10.20.128.0/20"),
            new ZoneSubnets("eu-west-1b", "10.20.16.0/20", "10.20.144.0/20"),
            new ZoneSubnets("eu-west-1c", "10.20.32.0/20", "10.20.160.0/20"),
        ], zones);
    }

    [Fact]
    public void Adding_a_zone_keeps_the_existing_subnets()
    {
        var two = SubnetLayout.For("10.10.0.0/16", "eu-west-1", 2);
        var three = SubnetLayout.For("10.10.0.0/16", "eu-west-1", 3);

        Assert.Equal(two, three.Take(2));
    }

    [Fact]
    public void Host_bits_in_the_vpc_cidr_are_ignored_and_small_vpcs_split_too()
    {
        var zones = SubnetLayout.For("192.168.7.9/24", "us-east-2", 2);

        Assert.Equal(new ZoneSubnets("us-east-2a", "192.168.7.0/28", "192.168.7.128/28"), zones[0]);
        Assert.Equal(new ZoneSubnets("us-east-2b", "192.168.7.16/28", "192.168.7.144/28"), zones[1]);
    }

    [Theory]
    [InlineData("10.0.0.0/25", 2, "vpcCidr '10.0.0.0/25' is too small to split into subnets; use a prefix of /24 or shorter, e.g. 10.0.0.0/16 (Parameter 'vpcCidr')")]
    [InlineData("10.0.0/16", 2, "vpcCidr '10.0.0/16' is not an IPv4 CIDR block; expected a form like 10.0.0.0/16 (Parameter 'vpcCidr')")]
    [InlineData("10.0.0.0/16", 7, "zoneCount 7 is out of range; allowed 1 to 6 (Parameter 'zoneCount')")]
    [InlineData("10.0.0.0/16", 0, "zoneCount 0 is out of range; allowed 1 to 6 (Parameter 'zoneCount')")]
    public void Layouts_that_cannot_work_are_refused_with_the_fix(string cidr, int zones, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SubnetLayout.For(cidr, "eu-west-1", zones));

        Assert.Equal(message, error.Message);
    }
}
