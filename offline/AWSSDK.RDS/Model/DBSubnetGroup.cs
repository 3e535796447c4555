namespace Amazon.RDS.Model;

/// <summary>The subnet group a DB instance lives in.</summary>
public class DBSubnetGroup
{
    public string? DBSubnetGroupName { get; set; }
}
