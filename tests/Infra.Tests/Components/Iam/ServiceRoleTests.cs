using System.Text.Json.Nodes;
using Infra.Components.Iam;
using Infra.Tests.Support;
using Pulumi;
using Pulumi.Aws.Iam;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Iam;

/// <summary>The shared role shape: one service may assume it, one inline policy, and its ARN is handed out only with the policy attached.</summary>
public sealed class ServiceRoleTests
{
    private const string RoleType = "aws:iam/role:Role";
    private const string PolicyType = "aws:iam/rolePolicy:RolePolicy";

    [Fact]
    public async Task The_role_trusts_only_its_service_carries_its_policy_and_its_arn_waits_for_the_policy()
    {
        var plan = await ComponentPlan.RunAsync(() =>
        {
            var holder = new ComponentResource("test:iam:Holder", "holder");
            var arn = ServiceRole.Declare(holder, "thing-role", "thing-permissions", "appconfig.amazonaws.com", "Reads alarms",
                Output.Create("""{"Version":"2012-10-17","Statement":[]}"""), Staging, "thing-role");
            // A consumer of the ARN: registered only once the ARN resolves.
            _ = new Role("consumer", new RoleArgs { AssumeRolePolicy = PolicyDocument.TrustPolicyFor("lambda.amazonaws.com"), Description = arn });
        });

        var role = plan.Inputs(RoleType, "thing-role");
        var trust = JsonNode.Parse((string)role["assumeRolePolicy"]!)!["Statement"]!.AsArray();
        Assert.Equal("""{"Service":"appconfig.amazonaws.com"}""", Assert.Single(trust)!["Principal"]!.ToJsonString());
        Assert.Equal(("Reads alarms", "thing-role"), ((string)role["description"]!, (string)role["tags"]!["Name"]!));
        var policy = plan.Inputs(PolicyType, "thing-permissions");
        Assert.Equal(ComponentPlan.Token(RoleType, "thing-role", "id"), (string)policy["role"]!);
        Assert.Equal("""{"Version":"2012-10-17","Statement":[]}""", (string)policy["policy"]!);
        Assert.Equal(ComponentPlan.Token(RoleType, "thing-role", "arn"), (string)plan.Inputs(RoleType, "consumer")["description"]!);
        Assert.Equal(plan.Urn("test:iam:Holder", "holder"), (string)plan.Resource(RoleType, "thing-role")["parent"]!);
    }
}
