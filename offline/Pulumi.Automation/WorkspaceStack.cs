using System.Collections.Immutable;
using Pulumi.Automation.Offline;

namespace Pulumi.Automation;

/// <summary>
/// A stack in a workspace: its config and its updates. Offline, config is read from and written to
/// <c>Pulumi.&lt;stack&gt;.yaml</c>; <see cref="UpAsync"/> takes the update lock and records the update and its targets
/// under <c>.pulumi-offline/</c>, but deploys nothing; <see cref="GetOutputsAsync"/> has no deployment to read and
/// returns no outputs.
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
    /// Offline: holds the stack lock while it records the update (targets, message, config) in the history file.
    /// Throws <see cref="Commands.Exceptions.ConcurrentUpdateException"/> when another update holds the lock.
    /// </summary>
    public Task<UpResult> UpAsync(UpOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var targets = options?.Target?.ToList() ?? [];
        using (StackLock.Acquire(files, Name))
        {
            var history = new UpdateHistory(files);
            var start = DateTimeOffset.UtcNow;
            var summary = new UpdateSummary(UpdateKind.Update, start, DateTimeOffset.UtcNow, options?.Message ?? "", UpdateState.Succeeded, history.NextVersion());
            history.Append(summary, targets, config.ReadAll());
            var output = targets.Count == 0
                ? "offline update of the whole stack recorded; nothing was deployed\n"
                : $"offline update of {targets.Count} target(s) recorded; nothing was deployed\n" + string.Concat(targets.Select(t => $"  {t}\n"));
            return Task.FromResult(new UpResult(output, "", summary, ImmutableDictionary<string, OutputValue>.Empty));
        }
    }

    public Task<ImmutableDictionary<string, OutputValue>> GetOutputsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ImmutableDictionary<string, OutputValue>.Empty);
    }

    public void Dispose()
    {
    }
}
