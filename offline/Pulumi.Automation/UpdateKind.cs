namespace Pulumi.Automation;

public enum UpdateKind
{
    Update = 0,
    Preview = 1,
    Refresh = 2,
    Rename = 3,
    Destroy = 4,
    Import = 5,
}
