using System.Reflection;
using System.Text.Json.Nodes;
using Infra.Stacks.Loading;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Runner.Plan;

/// <summary>
/// Runs the real program in-process against <see cref="PlanMocks"/> and assembles the plan: every resource with
/// its parent, provider, options and inputs, and the stack outputs.
/// </summary>
public static class PlanBuilder
{
    public const string Project = "infra";

    /// <summary>Which SDK the process runs on: the offline SDK marks its assembly.</summary>
    public static string Flavor =>
        typeof(Deployment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Any(a => a is { Key: "OfflineSdk", Value: "true" })
            ? "offline"
            : "real";

    /// <summary>
    /// Validates the stack file, then plans it. Throws <see cref="StackSettingsException"/> when invalid, before the
    /// program runs, so no resource is declared.
    /// </summary>
    /// <param name="stackName">The stack planned, which names every physical resource. Default: from the file name.</param>
    /// <param name="release">Where the release values come from. Default: none, the stack file's values.</param>
    public static async Task<PlanResult> BuildAsync(string stackFilePath, string? stackName = null, IReleaseSource? release = null)
    {
        var document = StackFile.Load(stackFilePath, stackName);
        var loaded = StackSettingsLoader.FromDocument(document);
        loaded.GetValidOrThrow();
        var stack = document.StackName;

        using (StackFileConfig.From(document).Apply())
        {
            var plan = await PlanAsync(stack, options => (InfraStack)new InfraStackFactory(options, release).GetService(typeof(InfraStack))!).ConfigureAwait(false);
            return new PlanResult(plan, loaded.Warnings);
        }
    }

    /// <summary>Plans any stack class; <paramref name="createStack"/> must pass the given options to the Stack base.</summary>
    public static async Task<JsonObject> PlanAsync<TStack>(string stack, Func<StackOptions, TStack> createStack) where TStack : Stack
    {
        var recorder = new PlanRecorder(Project, stack);
        await Deployment.TestWithServiceProviderAsync<TStack>(
            new PlanMocks(recorder),
            new StackFactory<TStack>(() => createStack(recorder.StackOptions)),
            new TestOptions { ProjectName = Project, StackName = stack, IsPreview = false }).ConfigureAwait(false);
        return await RenderAsync(recorder, stack).ConfigureAwait(false);
    }

    private sealed class StackFactory<TStack>(Func<TStack> create) : IServiceProvider where TStack : Stack
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TStack) ? create() : null;
    }

    private static async Task<JsonObject> RenderAsync(PlanRecorder recorder, string stack)
    {
        var engineUrns = await EngineUrns.ReadAsync(recorder.Resources).ConfigureAwait(false);
        var renderer = new ValueRenderer(resource => recorder.Find(resource)?.Urn ?? "[unrecorded resource]", engineUrns.Translate);
        var resources = new JsonArray();
        foreach (var recorded in recorder.Resources.OrderBy(r => r.Urn, StringComparer.Ordinal))
        {
            resources.Add(await RenderResourceAsync(recorded, renderer, recorder).ConfigureAwait(false));
        }
        var stackResource = recorder.Resources.Select(r => r.Resource).OfType<Stack>().Single();
        return new JsonObject
        {
            ["project"] = Project,
            ["stack"] = stack,
            ["flavor"] = Flavor,
            ["resources"] = resources,
            ["outputs"] = await RenderOutputsAsync(stackResource, renderer).ConfigureAwait(false),
        };
    }

    private static async Task<JsonObject> RenderResourceAsync(RecordedResource recorded, ValueRenderer renderer, PlanRecorder recorder)
    {
        var options = recorded.Options;
        var dependsOn = await renderer.RenderAsync(options.DependsOn).ConfigureAwait(false) as JsonArray ?? new JsonArray();
        return new JsonObject
        {
            ["urn"] = recorded.Urn,
            ["type"] = recorded.Type,
            ["name"] = recorded.Name,
            ["custom"] = recorded.IsCustom,
            ["parent"] = recorded.Parent?.Urn,
            ["provider"] = recorded.Provider is { } provider ? recorder.Find(provider)?.Urn : null,
            ["protect"] = recorded.Protect,
            ["retainOnDelete"] = options.RetainOnDelete == true,
            ["ignoreChanges"] = new JsonArray(options.IgnoreChanges.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["dependsOn"] = new JsonArray(dependsOn.Select(d => d?.GetValue<string>()).Order(StringComparer.Ordinal)
                .Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
            ["inputs"] = recorded.Resource is Stack ? new JsonObject() : await renderer.RenderArgsAsync(recorded.Args).ConfigureAwait(false),
        };
    }

    private static async Task<JsonObject> RenderOutputsAsync(Stack stack, ValueRenderer renderer)
    {
        var outputs = new JsonObject();
        var properties = stack.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OutputAttribute>()))
            .Where(p => p.Attribute is not null && p.Property.DeclaringType != typeof(Resource))
            .OrderBy(p => p.Attribute!.Name ?? p.Property.Name, StringComparer.Ordinal);
        foreach (var (property, attribute) in properties)
        {
            outputs[attribute!.Name ?? property.Name] = await renderer.RenderAsync(property.GetValue(stack)).ConfigureAwait(false);
        }
        return outputs;
    }
}

/// <summary>The plan document and the settings warnings that came with it.</summary>
public sealed record PlanResult(JsonObject Document, IReadOnlyList<string> Warnings);
