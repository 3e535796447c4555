using System.Text.Json.Nodes;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>
/// The offline workspace's <c>pulumi stack export</c> / <c>import</c>: export returns the deployment the backend holds,
/// import replaces it (and so what a targeted refresh can name), and a schema version or a feature the CLI does not read
/// fails with the CLI's message and changes nothing. The current CLI (what pulumi/actions installs, "^3") exports version 3,
/// or 4 with the features a resource needs, and reads 1 to 4.
/// </summary>
public sealed class OfflineWorkspaceStateTests : IDisposable
{
    private const string Urn = "urn:pulumi:test::infra::infra:data:Database$aws:rds/instance:Instance::test-db";

    private readonly string folder = Directory.CreateTempSubdirectory("workspace-state-").FullName;

    public OfflineWorkspaceStateTests()
    {
        OfflineProject.WriteProjectFile(folder);
        File.WriteAllText(Path.Combine(folder, "Pulumi.test.yaml"), OfflineProject.StackFile);
    }

    private static string Deployment(int version, string id, string features = "") =>
        $$$"""{"version":{{{version}}},{{{features}}}"deployment":{"manifest":{"magic":"m","version":"v3.190.0"},"resources":[{"urn":"{{{Urn}}}","custom":true,"id":"{{{id}}}","type":"aws:rds/instance:Instance","inputs":{"identifier":"test-db"}}]}}""";

    [OfflineSdkFact("asserts the offline workspace's emulation of pulumi stack export before any update")]
    public async Task Before_any_update_the_export_is_a_current_deployment_with_no_resources()
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));

        var exported = await stack.ExportStackAsync();

        Assert.Equal(3, exported.Version);
        Assert.Empty(exported.Json.GetProperty("deployment").GetProperty("resources").EnumerateArray());
    }

    [OfflineSdkFact("asserts the offline workspace's emulation of pulumi stack import and export")]
    public async Task An_import_replaces_the_deployment_the_export_returns_and_a_refresh_can_target_its_resources()
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));

        await stack.ImportStackAsync(StackDeployment.FromJsonString(Deployment(3, "db-NEW")));
        var exported = await stack.ExportStackAsync();
        var refreshed = await stack.RefreshAsync(new RefreshOptions { Target = [Urn] });

        Assert.Equal(Deployment(3, "db-NEW"), exported.Json.GetRawText());
        Assert.Equal(UpdateState.Succeeded, refreshed.Summary.Result);
    }

    [OfflineSdkFact("asserts the offline workspace's emulation of the CLI's deployment version check")]
    public async Task A_deployment_newer_or_older_than_the_cli_reads_is_rejected_with_its_message_and_changes_nothing()
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));
        await stack.ImportStackAsync(StackDeployment.FromJsonString(Deployment(3, "db-KEPT")));

        var newer = await Assert.ThrowsAsync<CommandException>(() => stack.ImportStackAsync(StackDeployment.FromJsonString(Deployment(5, "db-X"))));
        var older = await Assert.ThrowsAsync<CommandException>(() => stack.ImportStackAsync(StackDeployment.FromJsonString(Deployment(0, "db-X"))));

        Assert.Equal("code: 255\nstdout: \nstderr: error: the stack 'test' is newer than what this version of the Pulumi CLI understands. " +
            "Please update your version of the Pulumi CLI\n\n", newer.Message);
        Assert.Equal("code: 255\nstdout: \nstderr: error: the stack 'test' is too old to be used by this version of the Pulumi CLI\n\n", older.Message);
        Assert.Equal("db-KEPT", JsonNode.Parse((await stack.ExportStackAsync()).Json.GetRawText())!["deployment"]!["resources"]![0]!["id"]!.GetValue<string>());
    }

    [OfflineSdkFact("asserts the offline workspace's emulation of pulumi stack import of a version 4 deployment")]
    public async Task A_version_4_deployment_whose_features_the_cli_supports_is_imported_as_written()
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));
        var written = Deployment(4, "db-NEW", "\"features\":[\"refreshBeforeUpdate\",\"taint\"],");

        await stack.ImportStackAsync(StackDeployment.FromJsonString(written));

        Assert.Equal(written, (await stack.ExportStackAsync()).Json.GetRawText());
    }

    [OfflineSdkFact("asserts the offline workspace's emulation of the CLI's deployment feature check")]
    public async Task A_version_4_deployment_needing_a_feature_the_cli_lacks_is_rejected_with_its_message_and_changes_nothing()
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));
        await stack.ImportStackAsync(StackDeployment.FromJsonString(Deployment(3, "db-KEPT")));

        var error = await Assert.ThrowsAsync<CommandException>(() =>
            stack.ImportStackAsync(StackDeployment.FromJsonString(Deployment(4, "db-X", "\"features\":[\"taint\",\"teleport\",\"warp\"],"))));

        Assert.Equal("code: 255\nstdout: \nstderr: error: could not deserialize deployment: " +
            "this stack's deployment needs support for the following features: teleport, warp\n\n", error.Message);
        Assert.Equal("db-KEPT", JsonNode.Parse((await stack.ExportStackAsync()).Json.GetRawText())!["deployment"]!["resources"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void A_deployment_without_an_integer_version_is_not_parsed()
    {
        Assert.Throws<KeyNotFoundException>(() => StackDeployment.FromJsonString("""{"deployment":{}}"""));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
