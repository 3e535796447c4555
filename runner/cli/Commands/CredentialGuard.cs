using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Serilog;

namespace Infra.Runner.Commands;

/// <summary>What deploy and resume check of their AWS credentials before they change anything.</summary>
internal static class CredentialGuard
{
    /// <summary>
    /// Resolves the credentials the command will run with and refuses (<see cref="RolloutInputException"/>, exit 2)
    /// ones that expire before <paramref name="needed"/> is over or that a pause of <paramref name="plan"/> could
    /// outlive; a session whose expiry is unknown only gets a warning.
    /// </summary>
    public static async Task RequireAsync(RolloutPlan plan, TimeSpan needed, string command, ILogger logger, CancellationToken cancellationToken)
    {
        var credentials = await new SdkCredentialExpiry().ResolveAsync(cancellationToken);
        CredentialLifetime.RequireBoundedWaits(credentials, plan);
        if (CredentialLifetime.Require(credentials, needed, TimeProvider.System, command) is { } warning)
        {
            logger.Warning("{Warning:l}", warning);
        }
    }
}
