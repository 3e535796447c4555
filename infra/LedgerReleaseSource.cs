using Amazon.DynamoDBv2.Model;
using Infra.Ledger;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// Reads the desired release from the stack's ledger table in its primary region, with the operator's credentials
/// and the AWS SDK's standard endpoint settings. Before the first <c>pulumi up</c> has created the table, or before the
/// first release, the stack file seeds it. Any other failure stops the program: declaring the stack file's values
/// instead would silently undo a release.
/// </summary>
public sealed class LedgerReleaseSource : IReleaseSource
{
    public ReleaseState? ReadDesired(StackSettings settings)
    {
        using var client = LedgerClients.ForRegion(settings.Region);
        var ledger = new ReleaseLedger(client, settings.StackName);
        try
        {
            // The program is synchronous up to the stack's constructor; a console host has no context to deadlock on.
            var release = ledger.ReadReleaseAsync().GetAwaiter().GetResult();
            if (release is null) Log.Info($"{Describe(settings)} has no release yet: the stack file's images, weights and colors seed it");
            return release?.Desired;
        }
        catch (LedgerUnavailableException missing) when (missing.InnerException is ResourceNotFoundException)
        {
            Log.Info($"{Describe(settings)} does not exist yet (this update creates it): the stack file's images, weights and colors seed the first release");
            return null;
        }
    }

    public string Describe(StackSettings settings) => $"release ledger {LedgerTable.NameFor(settings.StackName)} ({settings.Region})";
}
