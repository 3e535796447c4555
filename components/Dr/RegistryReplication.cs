using Infra.Stacks.Dr;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Ecr;
using Pulumi.Aws.Ecr.Inputs;

namespace Infra.Components.Dr;

/// <summary>
/// ECR replication of <c>infra:dr.replicatedRepositories</c> from <c>aws:region</c>'s registry to the DR region's registry
/// of the same account, so the pilot light pulls its images while the primary region is down.
/// </summary>
/// <remarks>
/// A registry has exactly one replication configuration per region, and declaring it replaces whatever rules it had:
/// two stacks of one account and region that both declared it would overwrite each other on every update. So exactly one
/// of them declares it (<c>infra:dr.declareEcrReplication</c>, default true), listing every repository the others'
/// pilot lights pull, and the others set false. ECR copies only images pushed after the configuration exists.
/// </remarks>
public sealed class RegistryReplication : ComponentResource
{
    public const string Type = "infra:dr:RegistryReplication";

    /// <summary>ECR's only repository filter type: the filter is a prefix of the repository name.</summary>
    public const string PrefixMatch = "PREFIX_MATCH";

    /// <summary>The source registry's account id, as AWS reports it.</summary>
    public Output<string> RegistryId { get; }

    /// <param name="settings">Validated settings with a pilot light and replicated repositories; declared with the primary region's provider.</param>
    public RegistryReplication(string name, StackSettings settings, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        var repositories = settings.Dr.ReplicatedRepositories is { Count: > 0 } listed
            ? listed
            : throw new ArgumentException("settings list no infra:dr.replicatedRepositories; declare RegistryReplication only for a stack that does", nameof(settings));
        var account = DrRegionCopies.RegistryAccount(settings)
            ?? throw new ArgumentException($"no service image comes from {settings.Region}'s ECR, so there is no registry to replicate", nameof(settings));

        var rule = new ReplicationConfigurationReplicationConfigurationRuleArgs
        {
            Destinations =
            {
                new ReplicationConfigurationReplicationConfigurationRuleDestinationArgs { Region = settings.DrRegion!, RegistryId = account },
            },
        };
        // A prefix also matches longer names (web matches web-tools): those are copied too, which costs storage, not safety.
        foreach (var repository in repositories)
            rule.RepositoryFilters.Add(new ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs { Filter = repository, FilterType = PrefixMatch });

        var configuration = new ReplicationConfiguration($"{name}-rules", new ReplicationConfigurationArgs
        {
            ReplicationConfigurationDetails = new ReplicationConfigurationReplicationConfigurationArgs { Rules = { rule } },
        }, new CustomResourceOptions { Parent = this });

        RegistryId = configuration.RegistryId;
        RegisterOutputs(new Dictionary<string, object?> { ["registryId"] = RegistryId });
    }

    /// <summary>Whether the stack declares the registry's replication: a pilot light with repositories to copy, unless another stack owns it.</summary>
    public static bool IsDeclaredBy(StackSettings settings) =>
        settings.Dr is { PilotLight: true, DeclareEcrReplication: true, ReplicatedRepositories.Count: > 0 };
}
