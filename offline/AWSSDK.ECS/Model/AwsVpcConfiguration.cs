namespace Amazon.ECS.Model;

/// <summary>A task's subnets and security groups (awsvpc network mode).</summary>
public class AwsVpcConfiguration
{
    public List<string>? Subnets { get; set; }

    public List<string>? SecurityGroups { get; set; }

    public AssignPublicIp? AssignPublicIp { get; set; }
}
