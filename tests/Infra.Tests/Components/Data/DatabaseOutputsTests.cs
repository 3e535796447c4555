using Infra.Components.Data;
using Infra.Tests.Support;
using Pulumi;
using Pulumi.Utilities;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

public sealed class DatabaseOutputsTests
{
    [Fact]
    public async Task Outputs_name_the_primary_the_replica_their_regions_and_the_secret()
    {
        Database? database = null;
        await ComponentPlan.RunAsync(() => database = Declare(Production()), "production");

        Assert.Equal(ComponentPlan.Token(Instance, "db-primary", "endpoint"), await ValueOf(database!.PrimaryEndpoint));
        Assert.Equal(ComponentPlan.Token(Instance, "db-primary", "address"), await ValueOf(database.PrimaryAddress));
        Assert.Equal(ComponentPlan.Token(Instance, "db-primary", "arn"), await ValueOf(database.PrimaryArn));
        Assert.Equal("infra-production-db", await ValueOf(database.PrimaryIdentifier));
        Assert.Equal("eu-west-1", await ValueOf(database.PrimaryRegion));
        Assert.Equal(ComponentPlan.Token(Instance, "db-dr-replica", "endpoint"), await ValueOf(database.ReplicaEndpoint));
        Assert.Equal(ComponentPlan.Token(Instance, "db-dr-replica", "address"), await ValueOf(database.ReplicaAddress));
        Assert.Equal(ComponentPlan.Token(Instance, "db-dr-replica", "arn"), await ValueOf(database.ReplicaArn));
        Assert.Equal("infra-production-db-replica", await ValueOf(database.ReplicaIdentifier));
        Assert.Equal("eu-central-1", await ValueOf(database.ReplicaRegion));
        Assert.Equal(ComponentPlan.Token("aws:secretsmanager/secret:Secret", "db-secret", "arn"), await ValueOf(database.SecretArn));
    }

    [Fact]
    public async Task Replica_outputs_are_null_without_a_replica()
    {
        Database? database = null;
        await ComponentPlan.RunAsync(() => database = Declare(Staging()), "staging");

        Assert.Null(await ValueOf(database!.ReplicaEndpoint));
        Assert.Null(await ValueOf(database.ReplicaAddress));
        Assert.Null(await ValueOf(database.ReplicaArn));
        Assert.Null(await ValueOf(database.ReplicaIdentifier));
        Assert.Null(await ValueOf(database.ReplicaRegion));
    }

    private static Task<T> ValueOf<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);
}
