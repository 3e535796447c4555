namespace Runner.Tests.Adapters.Support;

/// <summary>
/// A project folder for the offline workspace whose program is this repository's <c>infra/</c> (built with the
/// tests, as the runner depends on it), named by a <c>main:</c> relative to the folder as the CLI reads it.
/// </summary>
internal static class OfflineProject
{
    /// <summary>The smallest valid stack file of the program, for stack <c>test</c>: one service, web, live on blue.</summary>
    public const string StackFile = """
        config:
          aws:region: eu-west-1
          infra:environment: staging
          infra:services:
            web:
              image:
                blue: web:1
              liveColor: blue
        """;

    /// <summary>A resource <see cref="StackFile"/> declares, for targeted updates.</summary>
    public const string GreenServiceUrn = "urn:pulumi:test::infra::infra:compute:BlueGreenService$aws:ecs/service:Service::web-green";

    /// <summary>Writes <c>Pulumi.yaml</c> of project <c>infra</c> into <paramref name="folder"/>.</summary>
    public static void WriteProjectFile(string folder) =>
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"),
            $"name: infra\nruntime: dotnet\nmain: {Path.GetRelativePath(folder, Path.Combine(RepoFiles.Root, "infra"))}\n");
}
