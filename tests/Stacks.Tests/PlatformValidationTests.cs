using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

public class PlatformValidationTests
{
    [Fact]
    public void Environment_is_required() =>
        Expect.Error(StackBuilder.Staging().RemoveScalar("infra:environment"),
            "infra:environment: required; use one of: staging, production");

    [Fact]
    public void Environment_must_be_staging_or_production() =>
        Expect.Error(StackBuilder.Staging().Scalar("infra:environment", "prod"),
            "infra:environment: 'prod' is not allowed; use one of: staging, production");

    [Fact]
    public void Region_is_required() =>
        Expect.Error(StackBuilder.Staging().RemoveScalar("aws:region"),
            "aws:region: required; set the primary AWS region, e.g. eu-west-1");

    [Fact]
    public void Regions_must_look_like_regions() =>
        Expect.Errors(StackBuilder.Staging().Scalar("aws:region", "eu-west").Scalar("infra:drRegion", "Frankfurt"),
            "Pulumi.staging.yaml: aws:region: 'eu-west' is not an AWS region; expected an existing region name such as eu-west-1",
            "Pulumi.staging.yaml: infra:drRegion: 'Frankfurt' is not an AWS region; expected an existing region name such as eu-west-1");

    [Fact]
    public void Gov_cloud_regions_are_regions() =>
        Assert.Empty(StackBuilder.Staging().Scalar("aws:region", "us-gov-west-1").Load().Errors);

    [Fact]
    public void Production_without_certificate() =>
        Expect.Error(StackBuilder.Production().Remove("infra:loadBalancer", "certificateArn"),
            "infra:loadBalancer.certificateArn: required in production; set the ARN of an ACM certificate for the HTTPS listener");

    [Fact]
    public void Staging_without_certificate_is_a_warning_not_an_error()
    {
        var result = StackBuilder.Staging().Load();

        Assert.True(result.IsValid);
        Assert.Equal(
            [
                "Pulumi.staging.yaml: infra:loadBalancer.certificateArn: not set; staging serves plain HTTP on port 80",
                "Pulumi.staging.yaml: infra:images.allowedRegistries: not set; staging accepts images from any registry",
            ],
            result.Warnings);
    }

    [Fact]
    public void Certificate_must_be_an_acm_arn() =>
        Expect.Error(StackBuilder.Production().Set("infra:loadBalancer", "certificateArn", "my-cert"),
            "infra:loadBalancer.certificateArn: 'my-cert' is not an ACM certificate ARN; expected arn:aws:acm:<region>:<account>:certificate/<id>");

    [Theory]
    [InlineData(443)]
    [InlineData(80)]
    public void Test_listener_port_must_not_be_a_production_port(int port) =>
        Expect.Error(StackBuilder.Staging().Set("infra:loadBalancer", "testListenerPort", port),
            $"infra:loadBalancer.testListenerPort: {port} is taken by the production listeners (80 and 443); choose another port, e.g. 8443");

    [Theory]
    [InlineData("X Preview", "'X Preview' is not an HTTP header name; use letters, digits and !#$%&'+-.^_`|~ only, e.g. X-Infra-Preview")]
    [InlineData("X-Preview:", "'X-Preview:' is not an HTTP header name; use letters, digits and !#$%&'+-.^_`|~ only, e.g. X-Infra-Preview")]
    [InlineData("X-*", "'X-*' is not an HTTP header name; use letters, digits and !#$%&'+-.^_`|~ only, e.g. X-Infra-Preview")]
    [InlineData("X-Préview", "'X-Préview' is not an HTTP header name; use letters, digits and !#$%&'+-.^_`|~ only, e.g. X-Infra-Preview")]
    [InlineData("X-Infra-Preview-Header-Of-Forty-One-Chars", "'X-Infra-Preview-Header-Of-Forty-One-Chars' has 41 characters; a load balancer header condition allows at most 40")]
    [InlineData("host", "'host' is matched by host conditions only; choose another header name, e.g. X-Infra-Preview")]
    public void Preview_header_must_be_a_header_name_a_listener_rule_can_match(string name, string message) =>
        Expect.Error(StackBuilder.Staging().Set("infra:loadBalancer", "previewHeader", name), $"infra:loadBalancer.previewHeader: {message}");

    [Fact]
    public void Preview_header_and_smoke_route_can_be_set()
    {
        var settings = StackBuilder.Staging()
            .Set("infra:loadBalancer", "previewHeader", "X-Canary_Key.1")
            .Set("infra:loadBalancer", "smokeVia", "testListener")
            .Load().GetValidOrThrow();

        Assert.Equal(("X-Canary_Key.1", SmokeVia.TestListener), (settings.LoadBalancer.PreviewHeader, settings.LoadBalancer.SmokeVia));
    }

    [Fact]
    public void Smoke_route_is_one_of_two() =>
        Expect.Error(StackBuilder.Staging().Set("infra:loadBalancer", "smokeVia", "header"),
            "infra:loadBalancer.smokeVia: 'header' is not allowed; use one of: previewHeader, testListener");

    [Fact]
    public void Load_balancer_ranges_and_cidrs() =>
        Expect.Errors(StackBuilder.Staging()
                .Set("infra:loadBalancer", "testListenerPort", 0)
                .Set("infra:loadBalancer", "idleTimeoutSeconds", 5000)
                .Set("infra:loadBalancer", "testListenerCidrs", new JsonArray("10.0.0.0/8", "office")),
            "Pulumi.staging.yaml: infra:loadBalancer.idleTimeoutSeconds: 5000 is out of range; allowed 1 to 4000",
            "Pulumi.staging.yaml: infra:loadBalancer.testListenerPort: 0 is out of range; allowed 1 to 65535",
            "Pulumi.staging.yaml: infra:loadBalancer.testListenerCidrs[1]: 'office' is not an IPv4 CIDR block; expected a form like 10.0.0.0/8");

    [Fact]
    public void Network_cidr_and_zones() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:network", "cidr", "10.0.0.0/8").Set("infra:network", "azCount", 1)
                .Set("infra:loadBalancer", "testListenerCidrs", new JsonArray("10.0.0.0/8")),
            "Pulumi.staging.yaml: infra:network.cidr: prefix /8 is out of range; a VPC allows /16 to /28",
            "Pulumi.staging.yaml: infra:network.azCount: 1 is out of range; allowed 2 to 6");

    [Fact]
    public void Network_cidr_must_be_a_cidr() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:network", "cidr", "10.0.0/16")
                .Set("infra:loadBalancer", "testListenerCidrs", new JsonArray("10.0.0.0/8")),
            "Pulumi.staging.yaml: infra:network.cidr: '10.0.0/16' is not an IPv4 CIDR block; expected a form like 10.0.0.0/16");

    [Fact]
    public void Adopting_a_vpc_needs_both_subnet_lists() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:network", "existingVpcId", "vpc-123"),
            "Pulumi.staging.yaml: infra:network.existingPublicSubnetIds: required when existingVpcId is set",
            "Pulumi.staging.yaml: infra:network.existingPrivateSubnetIds: required when existingVpcId is set");

    [Fact]
    public void Subnet_ids_without_a_vpc() =>
        Expect.Error(StackBuilder.Staging().Set("infra:network", "existingPublicSubnetIds", new JsonArray("subnet-1")),
            "infra:network.existingVpcId: required when existing subnet ids are set");

    [Fact]
    public void Promote_without_replica() =>
        Expect.Error(StackBuilder.Production().Set("infra:dr", "replica", false).Set("infra:dr", "promote", true),
            "infra:dr.promote: true needs a replica to promote; set infra:dr.replica: true");

    [Fact]
    public void A_pilot_light_behind_https_needs_a_certificate_of_the_dr_region() =>
        Expect.Error(StackBuilder.Production().Set("infra:dr", "pilotLight", true).Set("infra:dr", "replicatedRepositories", new JsonArray("web")),
            "infra:dr.certificateArn: required with a pilot light when infra:loadBalancer.certificateArn is set: an ACM certificate in eu-central-1 (certificates are regional)");

    [Fact]
    public void The_dr_certificate_must_be_an_acm_arn() =>
        Expect.Error(StackBuilder.Production().Set("infra:dr", "certificateArn", "dr-cert"),
            "infra:dr.certificateArn: 'dr-cert' is not an ACM certificate ARN; expected arn:aws:acm:<region>:<account>:certificate/<id>");

    [Fact]
    public void A_pilot_light_needs_the_replica_as_its_database() =>
        Expect.Error(StackBuilder.Production().Set("infra:dr", "replica", false).Set("infra:dr", "pilotLight", true)
                .Set("infra:dr", "replicatedRepositories", new JsonArray("web"))
                .Set("infra:dr", "certificateArn", "arn:aws:acm:eu-central-1:123456789012:certificate/dr"),
            "infra:dr.pilotLight: true needs a database in the DR region for its services; set infra:dr.replica: true");

    [Fact]
    public void An_adopted_vpc_cannot_serve_the_dr_region() =>
        Expect.Error(StackBuilder.Production()
                .Set("infra:network", "existingVpcId", "vpc-0abc")
                .Set("infra:network", "existingPublicSubnetIds", new JsonArray("subnet-1", "subnet-2"))
                .Set("infra:network", "existingPrivateSubnetIds", new JsonArray("subnet-3", "subnet-4")),
            "infra:network.existingVpcId: an adopted VPC exists only in aws:region, but infra:dr needs a network in infra:drRegion too; remove existingVpcId or turn off dr.replica and dr.pilotLight");

    [Fact]
    public void Production_keeps_the_test_listener_off_the_internet() =>
        Expect.Error(StackBuilder.Production().Set("infra:loadBalancer", "testListenerCidrs", new JsonArray("10.0.0.0/8", "0.0.0.0/0")),
            "infra:loadBalancer.testListenerCidrs[1]: '0.0.0.0/0' opens the test listener to the internet; production allows only private or office ranges, e.g. 10.0.0.0/8");

    [Fact]
    public void Staging_may_open_the_test_listener() =>
        Assert.Empty(StackBuilder.Staging().Set("infra:loadBalancer", "testListenerCidrs", new JsonArray("0.0.0.0/0")).Load().Errors);

    [Fact]
    public void Dr_region_equal_to_primary_region() =>
        Expect.Error(StackBuilder.Production().Scalar("infra:drRegion", "eu-west-1"),
            "infra:drRegion: 'eu-west-1' is the same as aws:region; the DR region must be a different region");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1441, 86401)]
    public void Drill_targets_are_at_least_one_and_at_most_a_day(int minutes, int seconds) =>
        Expect.Errors(StackBuilder.Production().Set("infra:dr", "rtoTargetMinutes", minutes).Set("infra:dr", "rpoTargetSeconds", seconds),
            $"Pulumi.production.yaml: infra:dr.rtoTargetMinutes: {minutes} is out of range; allowed 1 to 1440",
            $"Pulumi.production.yaml: infra:dr.rpoTargetSeconds: {seconds} is out of range; allowed 1 to 86400");

    [Fact]
    public void Replica_or_pilot_light_without_dr_region() =>
        Expect.Error(StackBuilder.Production().RemoveScalar("infra:drRegion").Set("infra:dr", "pilotLight", true),
            "infra:drRegion: required when infra:dr.replica or infra:dr.pilotLight is true");

    [Fact]
    public void Empty_dr_region_means_not_set() =>
        Expect.Error(StackBuilder.Production().Scalar("infra:drRegion", ""),
            "infra:drRegion: required when infra:dr.replica or infra:dr.pilotLight is true");

    [Fact]
    public void Dns_needs_both_zone_and_name_and_the_pilot_light() =>
        Expect.Errors(StackBuilder.Production().Set("infra:dr", "dns.zoneId", "Z123"),
            "Pulumi.production.yaml: infra:dr.dns.name: required when infra:dr.dns.zoneId is set",
            "Pulumi.production.yaml: infra:dr.dns: DNS failover needs the DR load balancer; set infra:dr.pilotLight: true");
}
