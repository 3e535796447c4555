namespace Amazon.RDS.Model;

/// <summary>Where a DB instance answers; absent while it is being created.</summary>
public class Endpoint
{
    public string? Address { get; set; }
}
