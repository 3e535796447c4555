namespace Pulumi.Automation;

/// <summary>One entry of a stack's update history.</summary>
public sealed class UpdateSummary
{
    internal UpdateSummary(UpdateKind kind, DateTimeOffset startTime, DateTimeOffset endTime, string message, UpdateState result, int? version)
    {
        Kind = kind;
        StartTime = startTime;
        EndTime = endTime;
        Message = message;
        Result = result;
        Version = version;
    }

    public UpdateKind Kind { get; }

    public DateTimeOffset StartTime { get; }

    public DateTimeOffset EndTime { get; }

    public string Message { get; }

    public UpdateState Result { get; }

    public int? Version { get; }
}
