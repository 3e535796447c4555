namespace Infra.Stacks.Loading;

/// <summary>A stack file with problems; <see cref="Exception.Message"/> lists every one, one per line.</summary>
public sealed class StackSettingsException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
