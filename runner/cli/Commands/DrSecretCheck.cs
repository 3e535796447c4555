using Infra.Runner.Adapters.Dr;
using Infra.Runner.Rollout;
using Infra.Stacks.Dr;
// Pulumi.Automation has a StackSettings of its own.
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Commands;

/// <summary>
/// Deploy's check, before anything changes, that every secret the pilot light's task definitions read has its replica
/// in the DR region: they read each secret of <c>aws:region</c> by its DR-region ARN, and a missing replica fails only
/// when a DR task starts, that is at failover. Secrets of other regions do not depend on the primary region and are not
/// looked up. <c>--skip-dr-secret-check</c> deploys anyway (for a release that cannot wait while the DR region's
/// Secrets Manager does not answer).
/// </summary>
public static class DrSecretCheck
{
    public const string SkipFlag = "--skip-dr-secret-check";

    /// <summary>Throws <see cref="RolloutInputException"/> naming every service secret without a readable replica, the DR region and the fix.</summary>
    public static async Task RequireAsync(StackSettings settings, IDrSecrets secrets, CancellationToken cancellationToken)
    {
        if (!settings.Dr.PilotLight || settings.DrRegion is not { } drRegion) return;
        var problems = new List<string>();
        foreach (var service in settings.Services)
        {
            foreach (var (variable, arn) in service.Secrets)
            {
                var drArn = DrRegionCopies.SecretArn(arn, settings);
                if (drArn == arn) continue;
                DrSecretState state;
                try
                {
                    state = await secrets.DescribeAsync(drRegion, drArn, cancellationToken);
                }
                catch (DrSecretLookupException error)
                {
                    throw new RolloutInputException(
                        $"cannot check that service {service.Name}'s secret {variable} has its replica in {drRegion}: {error.Message}; " +
                        $"allow the runner secretsmanager:DescribeSecret on {drArn}, or pass {SkipFlag} to deploy without the check; nothing was changed");
                }

                if (state == DrSecretState.Missing)
                    problems.Add($"service {service.Name}'s secret {variable} ({arn}) has no replica in {drRegion}: replicate it with " +
                        $"`aws secretsmanager replicate-secret-to-regions --secret-id {arn} --add-replica-regions Region={drRegion}` " +
                        $"(with KmsKeyId=<key in {drRegion}> for a secret under a customer key)");
                else if (state == DrSecretState.ScheduledForDeletion)
                    problems.Add($"service {service.Name}'s secret {variable} has its replica {drArn} in {drRegion} scheduled for deletion: " +
                        $"`aws secretsmanager restore-secret --secret-id {drArn} --region {drRegion}`");
            }
        }

        if (problems.Count > 0)
        {
            throw new RolloutInputException(
                $"the pilot light in {drRegion} reads the services' secrets there, and a DR task without them fails to start at failover: " +
                $"{string.Join("; ", problems)}. Nothing was changed; deploy again once they are replicated (README, Disaster recovery), or pass {SkipFlag}");
        }
    }
}
