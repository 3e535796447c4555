using System.Collections.Immutable;

namespace Pulumi.Automation;

/// <summary>The result of <see cref="WorkspaceStack.UpAsync"/>: the update and the stack outputs after it.</summary>
public sealed class UpResult : UpdateResult
{
    internal UpResult(string standardOutput, string standardError, UpdateSummary summary, IImmutableDictionary<string, OutputValue> outputs)
        : base(standardOutput, standardError, summary)
    {
        Outputs = outputs;
    }

    public IImmutableDictionary<string, OutputValue> Outputs { get; }
}
