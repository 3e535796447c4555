namespace Amazon.RDS.Model;

/// <summary>A resource tag.</summary>
public class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
