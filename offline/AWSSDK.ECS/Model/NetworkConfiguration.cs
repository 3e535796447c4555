namespace Amazon.ECS.Model;

/// <summary>A task's network: its awsvpc configuration.</summary>
public class NetworkConfiguration
{
    public AwsVpcConfiguration? AwsvpcConfiguration { get; set; }
}
