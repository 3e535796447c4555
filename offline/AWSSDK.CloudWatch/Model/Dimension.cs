namespace Amazon.CloudWatch.Model;

/// <summary>A name/value pair that is part of a metric's identity.</summary>
public class Dimension
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}
