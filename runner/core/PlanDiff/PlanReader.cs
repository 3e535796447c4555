using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// Reads plan JSON into a <see cref="PlanDocument"/>, collecting every problem before failing so one run shows them all.
/// Identity fields (project, stack, resources, and each resource's urn, type, name and inputs) are required; resource
/// options default to "not set" when a plan omits them.
/// </summary>
public static class PlanReader
{
    /// <summary>Reads a plan file; <paramref name="path"/> names the file in every message.</summary>
    public static PlanDocument Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PlanDiffException($"cannot read plan file '{path}': file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanDiffException($"cannot read plan file '{path}': {e.Message}");
        }

        return Parse(json, path);
    }

    /// <summary>Parses plan JSON held in memory; <paramref name="source"/> names it in messages (e.g. "base").</summary>
    public static PlanDocument Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new PlanDiffException(
                $"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }

        if (root is not JsonObject plan)
        {
            throw new PlanDiffException($"{source}: a plan must be a JSON object");
        }

        var fields = new FieldReader(source);
        var project = fields.RequiredString(plan, "project");
        var stack = fields.RequiredString(plan, "stack");
        var flavor = fields.OptionalString(plan, "flavor");
        var outputs = fields.OptionalObject(plan, "outputs");
        var resources = ReadResources(plan, fields);
        fields.ThrowIfAny();
        return new PlanDocument(project!, stack!, flavor, resources, outputs);
    }

    private static List<PlanResource> ReadResources(JsonObject plan, FieldReader fields)
    {
        var resources = new List<PlanResource>();
        if (!plan.TryGetPropertyValue("resources", out var node))
        {
            fields.Problem("missing field 'resources'");
            return resources;
        }

        if (node is not JsonArray array)
        {
            fields.Problem("field 'resources' must be an array");
            return resources;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var at = fields.At($"resources[{i}]");
            if (array[i] is not JsonObject item)
            {
                at.Problem("must be an object");
                continue;
            }

            var resource = ReadResource(item, at);
            if (resource is null)
            {
                continue;
            }

            if (!seen.Add(resource.Urn))
            {
                at.Problem($"duplicate urn '{resource.Urn}'");
                continue;
            }

            resources.Add(resource);
        }

        return resources;
    }

    private static PlanResource? ReadResource(JsonObject item, FieldReader at)
    {
        var urn = at.RequiredString(item, "urn");
        var type = at.RequiredString(item, "type");
        var name = at.RequiredString(item, "name");
        var inputs = at.RequiredObject(item, "inputs");
        var custom = at.OptionalBool(item, "custom", defaultValue: true);
        var parent = at.OptionalString(item, "parent");
        var provider = at.OptionalString(item, "provider");
        var protect = at.OptionalBool(item, "protect", defaultValue: false);
        var retainOnDelete = at.OptionalBool(item, "retainOnDelete", defaultValue: false);
        var ignoreChanges = at.OptionalStringList(item, "ignoreChanges");
        var dependsOn = at.OptionalStringList(item, "dependsOn");
        if (urn is null || type is null || name is null || inputs is null)
        {
            return null;
        }

        return new PlanResource(
            urn, type, name, custom, parent, provider, protect, retainOnDelete, ignoreChanges, dependsOn, inputs);
    }
}
