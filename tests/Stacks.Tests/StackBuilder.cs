using System.Text.Json.Nodes;
using Infra.Stacks.Loading;

namespace Infra.Stacks.Tests;

/// <summary>
/// A minimal valid stack as Pulumi config values, changed one setting at a time, so each test shows exactly the
/// mistake it makes.
/// </summary>
internal sealed class StackBuilder
{
    private readonly Dictionary<string, string> _scalars = new();
    private readonly Dictionary<string, JsonObject> _objects = new();
    private readonly HashSet<string> _secretKeys = [];

    private StackBuilder(string stackName) => StackName = stackName;

    public string StackName { get; }

    public static StackBuilder Staging(string stackName = "staging") => new StackBuilder(stackName)
        .Scalar("aws:region", "eu-west-1")
        .Scalar("infra:environment", "staging")
        .Set("infra:services", "web.image.blue", "repo/web:1.0.0");

    public static StackBuilder Production() => new StackBuilder("production")
        .Scalar("aws:region", "eu-west-1")
        .Scalar("infra:environment", "production")
        .Scalar("infra:drRegion", "eu-central-1")
        .Set("infra:loadBalancer", "certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/abc")
        .Set("infra:images", "allowedRegistries", new JsonArray(Registry))
        .Set("infra:services", "web.image.blue", $"{Registry}/web:1.0.0")
        .Set("infra:alerting", "emails.critical", new JsonArray("oncall@example.com"));

    /// <summary>The registry the production builder allows and takes its image from.</summary>
    public const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

    public StackBuilder Scalar(string key, string value)
    {
        _scalars[key] = value;
        return this;
    }

    public StackBuilder RemoveScalar(string key)
    {
        _scalars.Remove(key);
        return this;
    }

    /// <summary>Sets a dotted path inside a top-level map key, creating the maps on the way.</summary>
    public StackBuilder Set(string key, string path, JsonNode? value)
    {
        if (!_objects.TryGetValue(key, out var node)) _objects[key] = node = new JsonObject();
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child) node[part] = child = new JsonObject();
            node = child;
        }
        node[parts[^1]] = value;
        return this;
    }

    /// <summary>Sets a top-level key that holds a list (e.g. <c>infra:synthetics</c>), as its JSON text.</summary>
    public StackBuilder List(string key, JsonArray items)
    {
        _scalars[key] = items.ToJsonString();
        return this;
    }

    public StackBuilder Remove(string key, string path)
    {
        var node = _objects[key];
        var parts = path.Split('.');
        foreach (var part in parts[..^1]) node = (JsonObject)node[part]!;
        node.Remove(parts[^1]);
        return this;
    }

    public StackBuilder Secret(string key)
    {
        _secretKeys.Add(key);
        return this;
    }

    public IReadOnlyDictionary<string, string> Values =>
        _scalars.Concat(_objects.Select(o => KeyValuePair.Create(o.Key, o.Value.ToJsonString())))
            .ToDictionary(v => v.Key, v => v.Value);

    public StackLoadResult Load() => StackSettingsLoader.FromConfigValues(StackName, Values, _secretKeys);
}
