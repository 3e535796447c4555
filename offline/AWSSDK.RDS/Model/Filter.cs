namespace Amazon.RDS.Model;

/// <summary>A Describe filter: its name (e.g. <c>dbi-resource-id</c>) and the values any of which matches.</summary>
public class Filter
{
    public string? Name { get; set; }

    public List<string>? Values { get; set; }
}
