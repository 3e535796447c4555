using System.Collections.Immutable;
using Pulumi.Automation.Offline;

namespace Pulumi.Automation;

/// <summary>
/// A stack in a workspace: its config and its updates. Offline, config is read from and written to
/// <c>Pulumi.&lt;stack&gt;.yaml</c>; <see cref="UpAsync"/> and <see cref="PreviewAsync"/> run the project's built
/// program, as the CLI does on every update, and keep the update history, the lock and the stack outputs under
/// <c>.pulumi-offline/</c>. Nothing is deployed anywhere.
/// </summary>
public sealed class WorkspaceStack : IDisposable
{
    private readonly StackFiles files;
    private readonly StackConfigFile config;

    internal WorkspaceStack(string name, Workspace workspace, StackFiles files)
    {
        Name = name;
        Workspace = workspace;
        this.files = files;
        config = new StackConfigFile(files);
    }

    public string Name { get; }

    /// <summary>The workspace the stack belongs to.</summary>
    public Workspace Workspace { get; }

    public Task<ConfigValue> GetConfigAsync(string key, CancellationToken cancellationToken = default) =>
        GetConfigAsync(key, false, cancellationToken);

    /// <summary>The value at <paramref name="key"/>; throws <see cref="Commands.Exceptions.CommandException"/> when it is not set.</summary>
    public Task<ConfigValue> GetConfigAsync(string key, bool path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = config.Read(ConfigKeyPath.Parse(key, path, config.ProjectName))
            ?? throw new Commands.Exceptions.CommandException("CommandException", $"configuration key '{key}' not found for stack '{Name}'");
        return Task.FromResult(new ConfigValue(value.Value, value.IsSecret));
    }

    public Task<ImmutableDictionary<string, ConfigValue>> GetAllConfigAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(config.ReadAll().ToImmutableDictionary(c => c.Key, c => new ConfigValue(c.Value.Value, c.Value.IsSecret)));
    }

    public Task SetConfigAsync(string key, ConfigValue value, CancellationToken cancellationToken = default) =>
        SetConfigAsync(key, value, false, cancellationToken);

    public Task SetConfigAsync(string key, ConfigValue value, bool path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        config.Write(ConfigKeyPath.Parse(key, path, config.ProjectName), value.Value, value.IsSecret);
        return Task.CompletedTask;
    }

    public Task RemoveConfigAsync(string key, CancellationToken cancellationToken = default) =>
        RemoveConfigAsync(key, false, cancellationToken);

    public Task RemoveConfigAsync(string key, bool path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        config.Remove(ConfigKeyPath.Parse(key, path, config.ProjectName));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs the program with the stack's config and records the update (<see cref="StackUpdate"/>). Throws
    /// <see cref="Commands.Exceptions.CommandException"/> with the program's errors or an unknown target's message, and
    /// <see cref="Commands.Exceptions.ConcurrentUpdateException"/> when another update holds the stack.
    /// </summary>
    public async Task<UpResult> UpAsync(UpOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (standardOutput, standardError, summary) = await new StackUpdate(Name, files).RunAsync(UpdateKind.Update, options, cancellationToken);
        return new UpResult(standardOutput, standardError, summary!, new StackOutputsFile(files).Read());
    }

    /// <summary>
    /// Reads the resources (all, or <see cref="UpdateOptions.Target"/>) from the provider into the stack's state. Offline
    /// nothing is deployed, so it changes nothing; it fails like the CLI on a target the state does not hold and on a
    /// locked stack (<see cref="Commands.Exceptions.ConcurrentUpdateException"/>), and is recorded in the history.
    /// </summary>
    public Task<UpdateResult> RefreshAsync(RefreshOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new StackRefresh(Name, files).Run(options, cancellationToken));

    /// <summary>Runs the program as a dry run and fails as <see cref="UpAsync"/> does; records nothing.</summary>
    public async Task<PreviewResult> PreviewAsync(PreviewOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (standardOutput, standardError, _) = await new StackUpdate(Name, files).RunAsync(UpdateKind.Preview, options, cancellationToken);
        return new PreviewResult(standardOutput, standardError);
    }

    /// <summary>
    /// The stack's state, as <c>pulumi stack export --show-secrets</c> prints it: offline, the deployment last imported,
    /// or else one built from the URNs the last update declared (offline keeps no ids, inputs or outputs).
    /// </summary>
    public Task<StackDeployment> ExportStackAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(StackDeployment.FromJsonString(new StackDeploymentFile(Name, files).Export()));
    }

    /// <summary>
    /// Replaces the stack's state with <paramref name="state"/>, as <c>pulumi stack import</c> does; a schema version the
    /// CLI does not read fails with its message (<see cref="Commands.Exceptions.CommandException"/>) and changes nothing.
    /// </summary>
    public Task ImportStackAsync(StackDeployment state, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        new StackDeploymentFile(Name, files).Import(state);
        return Task.CompletedTask;
    }

    /// <summary>The outputs of the last update that updated the stack resource (none before the first).</summary>
    public Task<ImmutableDictionary<string, OutputValue>> GetOutputsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new StackOutputsFile(files).Read());
    }

    public void Dispose()
    {
    }
}
