using Infra.Components.Data;
using Infra.Tests.Support;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

public sealed class DatabaseSecretTests
{
    private const string Password = "random:index/randomPassword:RandomPassword";
    private const string Secret = "aws:secretsmanager/secret:Secret";
    private const string SecretVersion = "aws:secretsmanager/secretVersion:SecretVersion";

    [Fact]
    public async Task Master_password_is_generated_without_characters_rds_rejects()
    {
        var plan = await PlanAsync(Production());

        var password = plan.Inputs(Password, "db-master-password");
        Assert.Equal(32, (long)password["length"]!);
        var special = (string)password["overrideSpecial"]!;
        Assert.Equal(Database.PasswordSpecialCharacters, special);
        Assert.DoesNotContain(special, c => c is '/' or '@' or '"' or '\'' or ' ');
    }

    [Fact]
    public async Task Primary_gets_the_generated_password_as_a_secret_and_the_user_and_database_from_settings()
    {
        var plan = await PlanAsync(Production(database: ["name: orders", "username: orders_admin"]));

        var primary = plan.Inputs(Instance, "db-primary");
        Assert.Equal("[secret]", (string)primary["password"]!);
        Assert.Equal("orders_admin", (string)primary["username"]!);
        Assert.Equal("orders", (string)primary["dbName"]!);
    }

    [Fact]
    public async Task Credentials_secret_is_encrypted_with_the_primary_key_and_its_value_is_secret()
    {
        var plan = await PlanAsync(Production());

        var secret = plan.Resource(Secret, "db-secret");
        Assert.Equal("infra-production-db-master", (string)secret["inputs"]!["name"]!);
        Assert.Equal(ComponentPlan.Token(Key, "db-key", "arn"), (string)secret["inputs"]!["kmsKeyId"]!);
        Assert.Equal(30, (long)secret["inputs"]!["recoveryWindowInDays"]!);
        Assert.True((bool)secret["protect"]!);
        Assert.True((bool)secret["retainOnDelete"]!);
        var version = plan.Inputs(SecretVersion, "db-secret-value");
        Assert.Equal(ComponentPlan.Token(Secret, "db-secret", "arn"), (string)version["secretId"]!);
        Assert.Equal("[secret]", (string)version["secretString"]!);
    }

    [Fact]
    public async Task With_a_replica_the_credentials_are_replicated_to_the_dr_region_under_its_key()
    {
        var plan = await PlanAsync(Production());

        var replica = Assert.Single(plan.Inputs(Secret, "db-secret")["replicas"]!.AsArray())!;
        Assert.Equal(("eu-central-1", ComponentPlan.Token(Key, "db-dr-key", "arn")),
            ((string)replica["region"]!, (string)replica["kmsKeyId"]!));
    }

    [Fact]
    public async Task Staging_secret_is_deleted_at_once_so_a_recreated_stack_can_reuse_its_name()
    {
        var plan = await PlanAsync(Staging());

        var secret = plan.Resource(Secret, "db-secret");
        Assert.Equal(0, (long)secret["inputs"]!["recoveryWindowInDays"]!);
        Assert.False((bool)secret["protect"]!);
        Assert.Empty(secret["inputs"]!["replicas"]!.AsArray());
    }

    [Fact]
    public async Task The_generated_password_never_appears_in_the_plan()
    {
        var plan = await PlanAsync(Production(database: ["restoreTest: {pointInTime: latest}"], dr: ["replica: true"]));

        var text = plan.Document.ToJsonString();
        Assert.DoesNotContain(ComponentPlan.Token(Password, "db-master-password", "result"), text);
        Assert.DoesNotContain("db-master-password.result", text);
    }

    [Fact]
    public void Secret_json_holds_what_a_client_needs_to_connect()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(
            MasterSecretDocument.Json("app_admin", "p\"a{s}s:w<o>r&d", "db.example.internal", 5432, "app"))!;

        Assert.Equal("app_admin", (string)json["username"]!);
        Assert.Equal("p\"a{s}s:w<o>r&d", (string)json["password"]!);
        Assert.Equal("db.example.internal", (string)json["host"]!);
        Assert.Equal(5432, (long)json["port"]!);
        Assert.Equal("app", (string)json["dbname"]!);
        Assert.Equal("postgres", (string)json["engine"]!);
    }
}
