using Infra.Stacks.Settings;
using Pulumi.Aws;

namespace Infra.Components.Data;

/// <summary>Inputs of <see cref="ReleaseLedger"/>: the validated settings and, with a replica, the DR region's provider.</summary>
public sealed class ReleaseLedgerArgs
{
    /// <summary>DynamoDB's longest point-in-time recovery period, and its default.</summary>
    public const int MaxRecoveryPeriodInDays = 35;

    /// <summary>
    /// The validated stack settings; <c>StackName</c> (the table's name), <c>Dr.Replica</c> and <c>DrRegion</c> (where
    /// the replica lives) are read.
    /// </summary>
    public required StackSettings Settings { get; init; }

    /// <summary>
    /// The AWS provider for <c>Settings.DrRegion</c>: the replica's key is declared there. Required when
    /// <c>infra:dr.replica</c> is true; otherwise unused.
    /// </summary>
    public Provider? DrProvider { get; init; }

    /// <summary>
    /// How many days back the table can be restored to, 1 to 35. Default 35. The replica always keeps 35: the
    /// replica block has no period of its own.
    /// </summary>
    public int RecoveryPeriodInDays { get; init; } = MaxRecoveryPeriodInDays;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first wrong member and what is allowed.</summary>
    internal void Validate()
    {
        if (RecoveryPeriodInDays is < 1 or > MaxRecoveryPeriodInDays)
            throw new ArgumentException(
                $"ReleaseLedgerArgs.RecoveryPeriodInDays: {RecoveryPeriodInDays} is out of range; allowed 1 to {MaxRecoveryPeriodInDays}");
        if (Settings.Dr.Replica && DrProvider is null)
            throw new ArgumentException(
                $"ReleaseLedgerArgs.DrProvider is required when infra:dr.replica is true; pass an aws.Provider for {Settings.DrRegion}");
    }
}
