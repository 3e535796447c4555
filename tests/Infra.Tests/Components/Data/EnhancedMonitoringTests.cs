using System.Text.Json.Nodes;
using Infra.Components.Data;

namespace Infra.Tests.Components.Data;

public sealed class EnhancedMonitoringTests
{
    [Fact]
    public void Only_the_rds_monitoring_service_may_assume_the_role()
    {
        var policy = JsonNode.Parse(EnhancedMonitoring.TrustPolicyJson)!;

        Assert.Equal("2012-10-17", (string)policy["Version"]!);
        var statement = Assert.Single(policy["Statement"]!.AsArray())!;
        Assert.Equal("Allow", (string)statement["Effect"]!);
        Assert.Equal("sts:AssumeRole", (string)statement["Action"]!);
        Assert.Equal("monitoring.rds.amazonaws.com", (string)statement["Principal"]!["Service"]!);
    }
}
