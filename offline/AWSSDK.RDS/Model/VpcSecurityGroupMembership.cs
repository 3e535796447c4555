namespace Amazon.RDS.Model;

/// <summary>One VPC security group of a DB instance.</summary>
public class VpcSecurityGroupMembership
{
    public string? VpcSecurityGroupId { get; set; }
}
