using Infra.Components.Dr;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Dr;

public sealed class RegistryReplicationTests
{
    private const string Configuration = "aws:ecr/replicationConfiguration:ReplicationConfiguration";
    private static readonly string[] PilotLight = ["pilotLight: true", "replica: true", "certificateArn: arn:aws:acm:eu-central-1:123456789012:certificate/dr"];

    private static StackSettings Replicating(params string[] extra) => Production(dr: [.. PilotLight, "replicatedRepositories: [web]", .. extra]);

    [Fact]
    public async Task One_rule_copies_each_listed_repository_to_the_dr_regions_registry_of_the_same_account()
    {
        var plan = await ComponentPlan.RunAsync(() => new RegistryReplication("registry-replication", Replicating()), "production");

        var rule = Assert.Single(plan.Inputs(Configuration, "registry-replication-rules")["replicationConfiguration"]!["rules"]!.AsArray())!;
        var destination = Assert.Single(rule["destinations"]!.AsArray())!;
        Assert.Equal(("eu-central-1", "123456789012"), ((string)destination["region"]!, (string)destination["registryId"]!));
        var filter = Assert.Single(rule["repositoryFilters"]!.AsArray())!;
        Assert.Equal(("web", "PREFIX_MATCH"), ((string)filter["filter"]!, (string)filter["filterType"]!));
        Assert.Equal(plan.Urn(RegistryReplication.Type, "registry-replication"), (string)plan.Resource(Configuration, "registry-replication-rules")["parent"]!);
        // The source registry is aws:region's: the configuration goes through the stack's default provider.
        Assert.Null(plan.Resource(Configuration, "registry-replication-rules")["provider"]);
    }

    [Fact]
    public void Only_a_pilot_light_with_repositories_that_owns_the_registrys_configuration_declares_it()
    {
        Assert.True(RegistryReplication.IsDeclaredBy(Replicating()));
        Assert.False(RegistryReplication.IsDeclaredBy(Replicating("declareEcrReplication: false")));
        Assert.False(RegistryReplication.IsDeclaredBy(Production(dr: ["replica: true"])));
    }

    [Fact]
    public async Task Settings_without_repositories_are_an_argument_error()
    {
        var settings = Production(dr: ["replica: true"]);
        var message = await ProgramFailure.ArgumentMessageAsync(() =>
            ComponentPlan.RunAsync(() => new RegistryReplication("registry-replication", settings), "production"));

        Assert.Equal("settings list no infra:dr.replicatedRepositories; declare RegistryReplication only for a stack that does (Parameter 'settings')", message);
    }
}
