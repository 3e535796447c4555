namespace Amazon.RDS.Model;

/// <summary>A parameter group applied to a DB instance.</summary>
public class DBParameterGroupStatus
{
    public string? DBParameterGroupName { get; set; }

    /// <summary>in-sync, applying or pending-reboot.</summary>
    public string? ParameterApplyStatus { get; set; }
}
