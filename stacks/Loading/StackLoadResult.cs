using Infra.Stacks.Settings;

namespace Infra.Stacks.Loading;

/// <summary>The outcome of loading a stack: settings when there are no errors; warnings either way.</summary>
public sealed record StackLoadResult(StackSettings? Settings, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The settings, or a <see cref="StackSettingsException"/> listing every error.</summary>
    public StackSettings GetValidOrThrow() =>
        IsValid && Settings is not null ? Settings : throw new StackSettingsException(Errors);
}
