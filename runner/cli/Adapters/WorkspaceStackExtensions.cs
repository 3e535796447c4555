using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using StackSettings = Infra.Stacks.Settings.StackSettings;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;

namespace Infra.Runner.Adapters;

/// <summary>What every runner command asks of a workspace stack, done one way.</summary>
public static class WorkspaceStackExtensions
{
    /// <summary>
    /// The stack's config as validated settings, with the same defaults the program applies. The stack file's own
    /// checks run first (size, UTF-8, one document, bounded aliases, where secrets may be), so the runner rejects
    /// exactly the files the plan rejects; the values then come from the workspace, decrypted, as the program gets them.
    /// </summary>
    public static async Task<StackSettings> ReadSettingsAsync(this WorkspaceStack stack, CancellationToken cancellationToken)
    {
        // A fully qualified name (org/project/stack) keeps its file under the stack's own name, as the CLI does.
        var stackName = stack.Name[(stack.Name.LastIndexOf('/') + 1)..];
        var stackFile = Path.Combine(stack.Workspace.WorkDir, $"Pulumi.{stackName}.yaml");
        if (File.Exists(stackFile)) StackFile.Load(stackFile, stack.Name);

        var config = await stack.GetAllConfigAsync(cancellationToken);
        var values = config.ToDictionary(c => c.Key, c => c.Value.Value);
        var secrets = config.Where(c => c.Value.IsSecret).Select(c => c.Key).ToHashSet();
        return StackSettingsLoader.FromConfigValues(stack.Name, values, secrets).GetValidOrThrow();
    }

    /// <summary>An update; another update holding the stack is <see cref="StackBusyException"/>, the runner's port contract.</summary>
    public static Task UpdateOrBusyAsync(this WorkspaceStack stack, UpOptions options, CancellationToken cancellationToken) =>
        OrBusyAsync(() => stack.UpAsync(options, cancellationToken));

    /// <summary>A refresh, busy like <see cref="UpdateOrBusyAsync"/>.</summary>
    public static Task RefreshOrBusyAsync(this WorkspaceStack stack, RefreshOptions options, CancellationToken cancellationToken) =>
        OrBusyAsync(() => stack.RefreshAsync(options, cancellationToken));

    private static async Task OrBusyAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (ConcurrentUpdateException busy)
        {
            throw new StackBusyException(busy.Message, busy);
        }
    }

    /// <summary>The stack's outputs as the last update recorded them, as JSON for <see cref="StackOutputsReader"/>.</summary>
    public static async Task<JsonObject> ReadOutputsAsync(this WorkspaceStack stack, CancellationToken cancellationToken)
    {
        var outputs = await stack.GetOutputsAsync(cancellationToken);
        return new JsonObject(outputs.Select(o => KeyValuePair.Create(o.Key, JsonSerializer.SerializeToNode(o.Value.Value))));
    }

    /// <summary>The engine's URN of the stack resource; a qualified stack name (org/project/stack) ends in the stack.</summary>
    public static string RootStackUrn(this WorkspaceStack stack)
    {
        var stackName = stack.Name.Split('/')[^1];
        return $"urn:pulumi:{stackName}::{Plan.PlanBuilder.Project}::pulumi:pulumi:Stack::{Plan.PlanBuilder.Project}-{stackName}";
    }
}
