using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Release;

/// <summary>
/// Puts the ledger's release over the stack file's settings: for every service the release knows, its images, weights,
/// live color and running flags replace the stack file's (which only seed the first release). Services the stack file
/// no longer declares are left out; services the release does not know yet keep their seed. The result is validated
/// again, so a release the program cannot declare fails with the ledger named, before any resource is declared.
/// The DR region is promoted when the ledger or the stack file says so: the ledger's promotion (a drill or failover)
/// wins over a stack file that says false, so a plain <c>pulumi up</c> from main never declares the promoted database
/// as a replica again; a stack file that says true still promotes, since fail-back clears both and until then either
/// one saying "promoted" is the truth about the database. While fail-back switches back the ledger says so too, and the
/// DR region's services are declared stopped.
/// </summary>
public static class ReleaseOverlay
{
    /// <param name="sourceLabel">Where the release came from, for messages, e.g. <c>release ledger infra-staging-releases</c>.</param>
    public static StackLoadResult Apply(StackSettings settings, ReleaseState release, string sourceLabel)
    {
        var services = settings.Services.Select(service =>
            release.Services.TryGetValue(service.Name, out var released)
                ? service with { Image = released.Image, LiveColor = released.LiveColor, Weights = released.Weights, Running = released.Running }
                : service).ToValueList();
        var overlaid = settings with { Services = services, Dr = settings.Dr with { Promote = settings.Dr.Promote || release.DrPromoted, SwitchingBack = release.DrSwitchingBack } };
        var diagnostics = new Diagnostics(sourceLabel);
        StackValidator.Validate(overlaid, diagnostics, AlarmKeys.Known);
        return new StackLoadResult(diagnostics.Errors.Count == 0 ? overlaid : null, diagnostics.Errors, []);
    }
}
