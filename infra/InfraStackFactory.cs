using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Pulumi;

namespace Infra;

/// <summary>
/// Builds the stack from the running deployment's config and the release <paramref name="release"/> holds: used by
/// <c>pulumi up</c> (Program.cs, the ledger) and, with recording transformations, by the offline plan (the stack file's
/// values unless told to read a ledger), so both run exactly the same program.
/// </summary>
public sealed class InfraStackFactory(StackOptions? options = null, IReleaseSource? release = null) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(InfraStack) ? new InfraStack(Settings(), options) : null;

    /// <summary>
    /// Invalid settings are the operator's to fix, so they fail the run as a <see cref="RunException"/>: the engine
    /// prints its message alone, without the stack trace it prints for a program's own faults.
    /// </summary>
    private Stacks.Settings.StackSettings Settings()
    {
        try
        {
            var settings = PulumiStackSettings.Read();
            return release?.ReadDesired(settings) is { } desired
                ? ReleaseOverlay.Apply(settings, desired, release.Describe(settings)).GetValidOrThrow()
                : settings;
        }
        catch (StackSettingsException invalid)
        {
            throw new RunException(invalid.Message);
        }
    }
}
