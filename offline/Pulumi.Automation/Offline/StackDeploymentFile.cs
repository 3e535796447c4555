using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Automation.Offline;

/// <summary>
/// The deployment the offline backend holds for a stack: the one last imported, or else one built from the URNs the
/// last update declared (offline keeps no ids, inputs or outputs, so those resources carry only their URN and type).
/// An update replaces an imported deployment, as the engine writes a new checkpoint. Import checks the schema version
/// and the features a version 4 document lists as the current CLI does (pulumi/pulumi sdk/pkg/resource/stack/deployment.go,
/// <c>UnmarshalUntypedDeployment</c>: 1 to 4 are read, 4 only with features it supports) and fails with its messages.
/// </summary>
internal sealed class StackDeploymentFile(string stackName, StackFiles files)
{
    /// <summary>The CLI's <c>apitype.DeploymentSchemaVersionCurrent</c>: what export writes while no resource needs a feature.</summary>
    public const int CurrentVersion = 3;

    /// <summary>The CLI's <c>DeploymentSchemaVersionLatest</c>: the newest version import reads; it lists the features it needs.</summary>
    public const int LatestVersion = 4;

    /// <summary>The CLI's <c>supportedFeatures</c>: what a resource can need that makes export write version 4.</summary>
    private static readonly HashSet<string> SupportedFeatures = new(["refreshBeforeUpdate", "views", "hooks", "taint"], StringComparer.Ordinal);

    /// <summary>The CLI's <c>DeploymentSchemaVersionOldestSupported</c>.</summary>
    public const int OldestVersion = 1;

    public string Export()
    {
        if (File.Exists(files.DeploymentPath)) return File.ReadAllText(files.DeploymentPath);
        var resources = new JsonArray(new StackResourcesFile(files).Read()
            .Select(urn => (JsonNode?)new JsonObject { ["urn"] = urn, ["type"] = urn.Split("::")[^2].Split('$')[^1] }).ToArray());
        var document = new JsonObject
        {
            ["version"] = CurrentVersion,
            ["deployment"] = new JsonObject { ["manifest"] = new JsonObject { ["magic"] = "", ["version"] = "offline" }, ["resources"] = resources },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public void Import(StackDeployment deployment)
    {
        if (deployment.Version > LatestVersion)
        {
            throw Failure($"the stack '{stackName}' is newer than what this version of the Pulumi CLI understands. Please update your version of the Pulumi CLI");
        }

        if (deployment.Version < OldestVersion) throw Failure($"the stack '{stackName}' is too old to be used by this version of the Pulumi CLI");
        if (deployment.Version >= LatestVersion && UnsupportedFeatures(deployment.Json) is { Count: > 0 } unsupported)
        {
            throw Failure($"could not deserialize deployment: this stack's deployment needs support for the following features: {string.Join(", ", unsupported)}");
        }

        if (!deployment.Json.TryGetProperty("deployment", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            throw Failure("could not deserialize deployment: the document has no deployment object");
        }

        var urns = new List<string>();
        if (body.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (!resource.TryGetProperty("urn", out var urn) || urn.ValueKind != JsonValueKind.String)
                {
                    throw Failure("could not deserialize deployment: a resource has no urn");
                }

                if (!(resource.TryGetProperty("delete", out var delete) && delete.ValueKind == JsonValueKind.True)) urns.Add(urn.GetString()!);
            }
        }

        new StackResourcesFile(files).Write(urns);
        File.WriteAllText(files.DeploymentPath, deployment.Json.GetRawText());
    }

    private static List<string> UnsupportedFeatures(JsonElement document) =>
        document.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array
            ? [.. features.EnumerateArray().Select(f => f.ToString()).Where(f => !SupportedFeatures.Contains(f))]
            : [];

    /// <summary>An update's new checkpoint replaces what was imported.</summary>
    public void Discard() => File.Delete(files.DeploymentPath);

    private static Commands.Exceptions.CommandException Failure(string message) => CommandOutcome.Failure("", $"error: {message}\n").ToException();
}
