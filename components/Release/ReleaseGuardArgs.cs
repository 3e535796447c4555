using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using Pulumi;

namespace Infra.Components.Release;

/// <summary>Arguments of <see cref="ReleaseGuard"/>.</summary>
public sealed class ReleaseGuardArgs
{
    /// <summary>SQS keeps a message at most 14 days.</summary>
    public const int MaxDeadLetterRetentionDays = 14;

    /// <summary>The validated stack settings: the stack's name (its ledger partition) and region are read.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>Every service of the primary region's load balancer, in stack-file order; at least one.</summary>
    public required IReadOnlyList<GuardedService> Services { get; init; }

    /// <summary>The release ledger's table name (<see cref="Data.ReleaseLedger.TableName"/>): the guard's configuration is one of its items.</summary>
    public required Output<string> LedgerTableName { get; init; }

    /// <summary>The release ledger's table (<see cref="Data.ReleaseLedger.TableArn"/>).</summary>
    public required Output<string> LedgerTableArn { get; init; }

    /// <summary>The KMS key that encrypts the ledger table (<see cref="Data.ReleaseLedger.KeyArn"/>).</summary>
    public required Output<string> LedgerKeyArn { get; init; }

    /// <summary>The critical alerting topic: the guard pages it, and so do its dead-letter and error alarms.</summary>
    public required Output<string> CriticalTopicArn { get; init; }

    /// <summary>The ARN (not an alias) of the KMS key that encrypts the critical topic (<see cref="Observability.Alerting.TopicKeyArn"/>).</summary>
    public required Output<string> CriticalTopicKeyArn { get; init; }

    /// <summary>How long the guard's logs are kept, one of <see cref="LogRetention.Days"/>. Default: 30 days.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>
    /// The customer managed key the log group is encrypted with (<c>LogsKey.Arn</c>). Default: none, CloudWatch Logs'
    /// own key.
    /// </summary>
    public Input<string>? LogsKmsKeyArn { get; init; }

    /// <summary>
    /// How long an event the guard failed on stays in its dead-letter queue, 1 to 14 days. Default: 14, the most SQS
    /// allows, so a failure found after a long weekend can still be read and replayed.
    /// </summary>
    public int DeadLetterRetentionDays { get; init; } = MaxDeadLetterRetentionDays;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first wrong member and what is allowed.</summary>
    internal void Validate()
    {
        if (Services.Count == 0)
            throw new ArgumentException("ReleaseGuardArgs.Services is empty; pass every service of the load balancer");
        if (Services.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"ReleaseGuardArgs.Services names '{twice.Key}' {twice.Count()} times; each service once");
        if (LogRetention.Problem(LogRetentionDays) is { } retention)
            throw new ArgumentException($"ReleaseGuardArgs.LogRetentionDays: {retention}");
        if (DeadLetterRetentionDays is < 1 or > MaxDeadLetterRetentionDays)
            throw new ArgumentException(
                $"ReleaseGuardArgs.DeadLetterRetentionDays: {DeadLetterRetentionDays} is out of range; allowed 1 to {MaxDeadLetterRetentionDays}");
    }
}
