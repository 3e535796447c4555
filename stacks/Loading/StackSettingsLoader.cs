using Infra.Stacks.Binding;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Loading;

/// <summary>
/// The one way to get <see cref="Settings.StackSettings"/>, for the plan, the program and the runner alike. Every
/// source is first brought into the shape the Pulumi engine hands the program (<see cref="PulumiConfigValues"/>)
/// and bound from there, so a stack file is accepted or rejected the same way whoever reads it; a file adds only
/// the checks of the file itself (<see cref="StackFile"/>).
/// </summary>
public static class StackSettingsLoader
{
    /// <summary>Loads a stack file: the file's checks, then the config values it gives Pulumi.</summary>
    /// <param name="stackName">The stack the file configures. Default: from the file name (<c>Pulumi.staging.yaml</c>).</param>
    /// <param name="knownAlarmKeys">Keys <c>infra:alarms</c> may override. Default <see cref="AlarmKeys.Known"/>.</param>
    public static StackLoadResult FromFile(string stackFilePath, string? stackName = null,
        IReadOnlyCollection<string>? knownAlarmKeys = null)
    {
        StackDocument document;
        try
        {
            document = StackFile.Load(stackFilePath, stackName);
        }
        catch (StackSettingsException e)
        {
            return new StackLoadResult(null, e.Errors, []);
        }
        return FromDocument(document, knownAlarmKeys);
    }

    /// <summary>Loads a parsed stack file through the config values it gives Pulumi.</summary>
    public static StackLoadResult FromDocument(StackDocument document, IReadOnlyCollection<string>? knownAlarmKeys = null)
    {
        var config = PulumiConfigValues.From(document);
        return Bind(ConfigValues.Parse(document.StackName, document.FileLabel, config.Values, config.SecretKeys), knownAlarmKeys);
    }

    /// <summary>
    /// Loads from Pulumi config values: each top-level key to its raw value, plain text for scalars and JSON text for
    /// maps, as in <c>PULUMI_CONFIG</c>. Messages name the stack file <c>Pulumi.&lt;stackName&gt;.yaml</c>, where the
    /// values came from.
    /// </summary>
    /// <param name="secretKeys">The top-level keys Pulumi holds as secret (<c>PULUMI_CONFIG_SECRET_KEYS</c>).</param>
    public static StackLoadResult FromConfigValues(string stackName, IReadOnlyDictionary<string, string> values,
        IReadOnlySet<string> secretKeys, IReadOnlyCollection<string>? knownAlarmKeys = null) =>
        Bind(ConfigValues.Parse(stackName, $"Pulumi.{stackName}.yaml", values, secretKeys), knownAlarmKeys);

    // Binds (with environment defaults) and validates, collecting every problem.
    private static StackLoadResult Bind(StackDocument document, IReadOnlyCollection<string>? knownAlarmKeys)
    {
        var diagnostics = new Diagnostics(document.FileLabel);
        var settings = StackBinder.Bind(document, diagnostics);
        StackValidator.Validate(settings, diagnostics, knownAlarmKeys ?? AlarmKeys.Known);
        return new StackLoadResult(
            diagnostics.Errors.Count == 0 ? settings : null, diagnostics.Errors, diagnostics.Warnings);
    }
}
