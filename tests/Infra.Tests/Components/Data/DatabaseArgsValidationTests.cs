using Infra.Components.Data;
using Infra.Tests.Support;
using Pulumi;
using Pulumi.Aws;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

public sealed class DatabaseArgsValidationTests
{
    [Fact]
    public async Task A_replica_needs_the_dr_provider()
    {
        var error = await ErrorOf(settings => new DatabaseArgs
        {
            Settings = settings, SubnetIds = PrimarySubnets, SecurityGroupId = PrimarySecurityGroup,
            DrSubnetIds = DrSubnets, DrSecurityGroupId = DrSecurityGroup,
        });

        Assert.Equal("DatabaseArgs.DrProvider is required when infra:dr.replica is true; pass an aws.Provider for eu-central-1", error);
    }

    [Fact]
    public async Task A_replica_needs_the_dr_subnets()
    {
        var error = await ErrorOf(settings => new DatabaseArgs
        {
            Settings = settings, SubnetIds = PrimarySubnets, SecurityGroupId = PrimarySecurityGroup,
            DrProvider = new Provider(DrProviderName), DrSecurityGroupId = DrSecurityGroup,
        });

        Assert.Equal("DatabaseArgs.DrSubnetIds is required when infra:dr.replica is true; pass the private subnet ids of the network in eu-central-1", error);
    }

    [Fact]
    public async Task A_replica_needs_the_dr_security_group()
    {
        var error = await ErrorOf(settings => new DatabaseArgs
        {
            Settings = settings, SubnetIds = PrimarySubnets, SecurityGroupId = PrimarySecurityGroup,
            DrProvider = new Provider(DrProviderName), DrSubnetIds = DrSubnets,
        });

        Assert.Equal("DatabaseArgs.DrSecurityGroupId is required when infra:dr.replica is true; pass the database security group id of the network in eu-central-1", error);
    }

    [Fact]
    public async Task Without_a_replica_the_dr_members_are_not_needed()
    {
        var plan = await ComponentPlan.RunAsync(() => new Database("db", new DatabaseArgs
        {
            Settings = Staging(), SubnetIds = PrimarySubnets, SecurityGroupId = PrimarySecurityGroup,
        }));

        Assert.Single(plan.OfType(Instance));
    }

    [Fact]
    public async Task A_production_replica_needs_a_final_snapshot_suffix()
    {
        var error = await CapturedError(() => new CrossRegionReplica("replica", new CrossRegionReplicaArgs
        {
            Settings = Production(), SourceDbArn = "arn:aws:rds:eu-west-1:123456789012:db:primary",
            SubnetIds = DrSubnets, SecurityGroupId = DrSecurityGroup, MonitoringRoleArn = "arn:aws:iam::123456789012:role/monitoring",
        }), "production");

        Assert.Equal("CrossRegionReplicaArgs.FinalSnapshotSuffix is required in production; pass the hex of a RandomId so a promoted replica's final snapshot is unique", error);
    }

    [Fact]
    public void Parameter_group_family_needs_a_numeric_major_version()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresEngine.Family("latest"));

        Assert.Equal("'latest' is not a PostgreSQL version; expected a form like 16.4 (Parameter 'engineVersion')", error.Message);
    }

    [Theory]
    [InlineData("16.4", "postgres16")]
    [InlineData("17", "postgres17")]
    [InlineData("13.12", "postgres13")]
    public void Parameter_group_family_follows_the_major_version(string version, string family) =>
        Assert.Equal(family, PostgresEngine.Family(version));

    private static Task<string> ErrorOf(Func<Infra.Stacks.Settings.StackSettings, DatabaseArgs> args)
    {
        var settings = Production();
        return CapturedError(() => new Database("db", args(settings)), "production");
    }

    // The constructor runs inside the deployment; its ArgumentException is what the user sees.
    internal static async Task<string> CapturedError(Action declare, string stack)
    {
        ArgumentException? caught = null;
        await ComponentPlan.RunAsync(() =>
        {
            try
            {
                declare();
            }
            catch (ArgumentException e)
            {
                caught = e;
            }
        }, stack);
        return Assert.IsType<ArgumentException>(caught).Message;
    }
}
