namespace Fidelity.Tests;

/// <summary>Paths of the data files copied next to the test binaries.</summary>
public static class TestFiles
{
    public static string PulumiListing => Path.Combine(AppContext.BaseDirectory, "Reference", "Pulumi.PublicAPI.Shipped.txt");

    public static string SourceOnlyMembers => Path.Combine(AppContext.BaseDirectory, "SourceOnlyMembers.txt");

    public static string AwsCSharpNames => Path.Combine(AppContext.BaseDirectory, "AwsCSharpNames.txt");
}
