using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Kms;
using Pulumi.Aws.Rds;
using Pulumi.Aws.Rds.Inputs;

namespace Infra.Components.Data;

/// <summary>
/// What an instance needs in its own region before it can exist: a customer KMS key, a subnet group and a
/// parameter group. The primary and the cross-region replica each declare one set, so a promoted replica is
/// configured like the primary.
/// </summary>
internal sealed record RegionalDatabaseResources(Key Key, SubnetGroup SubnetGroup, ParameterGroup ParameterGroup)
{
    /// <summary>
    /// Declares the set as children of <paramref name="parent"/> (which carries the region's provider), named
    /// <c>{name}-key</c>, <c>{name}-subnets</c>, <c>{name}-params</c>.
    /// </summary>
    /// <param name="identifier">The instance's physical identifier, for descriptions and Name tags.</param>
    public static RegionalDatabaseResources Declare(
        string name, string identifier, StackSettings settings, InputList<string> subnetIds, Resource parent)
    {
        var production = settings.IsProduction;
        // A key cannot be undeleted once its waiting period ends: production keeps it even if the stack drops it.
        var key = new Key($"{name}-key", new KeyArgs
        {
            Description = $"Encrypts {identifier}: storage, backups, snapshots and Performance Insights",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Tags = StackConventions.Tags(settings, $"{identifier}-key"),
        }, new CustomResourceOptions { Parent = parent, Protect = production, RetainOnDelete = true });

        var subnetGroup = new SubnetGroup($"{name}-subnets", new SubnetGroupArgs
        {
            Description = $"Private subnets of {identifier}",
            SubnetIds = subnetIds,
            Tags = StackConventions.Tags(settings, $"{identifier}-subnets"),
        }, new CustomResourceOptions { Parent = parent });

        var parameterGroup = new ParameterGroup($"{name}-params", new ParameterGroupArgs
        {
            Description = $"Parameters of {identifier}",
            Family = PostgresEngine.Family(settings.Database.EngineVersion),
            Parameters = PostgresEngine.Parameters
                .Select(p => new ParameterGroupParameterArgs { Name = p.Key, Value = p.Value })
                .ToList(),
            Tags = StackConventions.Tags(settings, $"{identifier}-params"),
        }, new CustomResourceOptions { Parent = parent });

        return new RegionalDatabaseResources(key, subnetGroup, parameterGroup);
    }
}
