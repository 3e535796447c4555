namespace Amazon.ECS.Model;

/// <summary>A name DescribeServices could not answer for, and why (e.g. <c>MISSING</c>).</summary>
public class Failure
{
    public string? Arn { get; set; }

    public string? Reason { get; set; }
}
