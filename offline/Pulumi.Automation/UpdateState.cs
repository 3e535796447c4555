namespace Pulumi.Automation;

public enum UpdateState
{
    NotStarted = 0,
    InProgress = 1,
    Succeeded = 2,
    Failed = 3,
}
