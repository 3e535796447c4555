using Infra.Stacks.Binding;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Loading;

/// <summary>
/// The one way to get <see cref="Settings.StackSettings"/>: from a stack file (plan, runner, tests) or from the
/// config values the Pulumi program receives. Both bind and validate the same way.
/// </summary>
public static class StackSettingsLoader
{
    /// <summary>Loads <c>Pulumi.&lt;stack&gt;.yaml</c>; the stack name comes from the file name.</summary>
    /// <param name="knownAlarmKeys">Keys <c>infra:alarms</c> may override. Default <see cref="AlarmKeys.Known"/>.</param>
    public static StackLoadResult FromFile(string stackFilePath, IReadOnlyCollection<string>? knownAlarmKeys = null)
    {
        StackDocument document;
        try
        {
            document = StackFile.Load(stackFilePath);
        }
        catch (StackSettingsException e)
        {
            return new StackLoadResult(null, e.Errors, []);
        }
        return FromDocument(document, knownAlarmKeys);
    }

    /// <summary>
    /// Loads from Pulumi config values: each top-level key (see <see cref="ConfigKeys.TopLevel"/>) to its raw value,
    /// plain text for scalars and JSON text for maps, as in <c>PULUMI_CONFIG</c>. Messages name the stack file
    /// <c>Pulumi.&lt;stackName&gt;.yaml</c>, where the values came from.
    /// </summary>
    /// <param name="secretKeys">The top-level keys Pulumi holds as secret (<c>PULUMI_CONFIG_SECRET_KEYS</c>).</param>
    public static StackLoadResult FromConfigValues(string stackName, IReadOnlyDictionary<string, string> values,
        IReadOnlySet<string> secretKeys, IReadOnlyCollection<string>? knownAlarmKeys = null) =>
        FromDocument(ConfigValues.Parse(stackName, $"Pulumi.{stackName}.yaml", values, secretKeys), knownAlarmKeys);

    /// <summary>Binds (with environment defaults) and validates a loaded document, collecting every problem.</summary>
    public static StackLoadResult FromDocument(StackDocument document, IReadOnlyCollection<string>? knownAlarmKeys = null)
    {
        var diagnostics = new Diagnostics(document.FileLabel);
        var settings = StackBinder.Bind(document, diagnostics);
        StackValidator.Validate(settings, diagnostics, knownAlarmKeys ?? AlarmKeys.Known);
        return new StackLoadResult(
            diagnostics.Errors.Count == 0 ? settings : null, diagnostics.Errors, diagnostics.Warnings);
    }
}
