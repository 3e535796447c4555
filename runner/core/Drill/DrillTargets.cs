namespace Infra.Runner.Drill;

/// <summary>The stack's recovery targets (<c>infra:dr.rtoTargetMinutes</c>, <c>infra:dr.rpoTargetSeconds</c>).</summary>
public sealed record DrillTargets(TimeSpan Rto, TimeSpan Rpo);

/// <summary>A measurement against its target.</summary>
public enum TargetVerdict
{
    Pass,
    Fail,

    /// <summary>The drill ended before it could measure; never a pass.</summary>
    NotMeasured,
}

/// <summary>Pure judgements of a drill's measurements against the targets.</summary>
public static class TargetJudge
{
    /// <summary>Pass when recovered within the target.</summary>
    public static TargetVerdict Rto(TimeSpan? rto, DrillTargets targets) =>
        rto is not { } value ? TargetVerdict.NotMeasured : value <= targets.Rto ? TargetVerdict.Pass : TargetVerdict.Fail;

    /// <summary>Pass when a marker survived and the time lost is within the target; no surviving marker always fails.</summary>
    public static TargetVerdict Rpo(RecoveryPoint? rpo, DrillTargets targets) => rpo switch
    {
        null => TargetVerdict.NotMeasured,
        { NoneSurvived: true } => TargetVerdict.Fail,
        _ => rpo.Lost <= targets.Rpo ? TargetVerdict.Pass : TargetVerdict.Fail,
    };
}
