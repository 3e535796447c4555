namespace Pulumi.Automation;

/// <summary>Options shared by update-like operations.</summary>
public class UpdateOptions
{
    public UpdateOptions()
    {
    }

    /// <summary>URNs to update; everything else in the stack is left as it is. Default: the whole stack.</summary>
    public List<string>? Target { get; set; }

    /// <summary>A message recorded with the update.</summary>
    public string? Message { get; set; }
}
