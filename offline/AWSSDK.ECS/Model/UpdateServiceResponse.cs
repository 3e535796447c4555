namespace Amazon.ECS.Model;

/// <summary>UpdateService's answer; the runner reads the service back with DescribeServices instead.</summary>
public class UpdateServiceResponse
{
}
