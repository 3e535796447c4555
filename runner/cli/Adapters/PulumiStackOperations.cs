using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Pulumi.Automation;

namespace Infra.Runner.Adapters;

/// <summary>
/// The rollout's view of a stack over the Automation API: per-service config under <c>infra:services</c>, the rollout
/// record as the single config value <c>infra:rolloutInProgress</c> (JSON, <see cref="RolloutRecordJson"/>), and
/// targeted updates. Config setters only write the stack's config; nothing changes in AWS until <see cref="UpdateAsync"/>.
/// </summary>
public sealed class PulumiStackOperations(WorkspaceStack stack, IStackOutputsSource outputs) : IStackOperations
{
    public string StackName => stack.Name;

    public async Task<StackOutputs> ReadOutputsAsync(CancellationToken cancellationToken) =>
        StackOutputsReader.Read(await outputs.ReadAsync(cancellationToken));

    public async Task<ServiceConfig> ReadServiceConfigAsync(string service, CancellationToken cancellationToken)
    {
        var config = await stack.GetAllConfigAsync(cancellationToken);
        var services = config.TryGetValue(ConfigKeys.Services, out var value)
            ? value.Value
            : throw new RolloutInputException($"the stack has no {ConfigKeys.Services} config");
        return ServiceConfigReader.Read(services, service);
    }

    public Task SetImageAsync(string service, DeployColor color, string? image, CancellationToken cancellationToken) =>
        image is null
            ? stack.RemoveConfigAsync(ServiceConfigKeys.Image(service, color), path: true, cancellationToken)
            : SetAsync(ServiceConfigKeys.Image(service, color), image, cancellationToken);

    public Task SetRunningAsync(string service, DeployColor color, bool running, CancellationToken cancellationToken) =>
        SetAsync(ServiceConfigKeys.Running(service, color), running ? "true" : "false", cancellationToken);

    public async Task SetWeightsAsync(string service, TrafficWeights weights, CancellationToken cancellationToken)
    {
        await SetAsync(ServiceConfigKeys.Weight(service, DeployColor.Blue), weights.Blue.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        await SetAsync(ServiceConfigKeys.Weight(service, DeployColor.Green), weights.Green.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>
    /// Pins both colors' running flags before switching: a color without a flag runs only while it is live, so the old
    /// live color would otherwise read as scaled down while it still serves the termination wait.
    /// </summary>
    public async Task SetLiveColorAsync(string service, DeployColor color, CancellationToken cancellationToken)
    {
        var current = await ReadServiceConfigAsync(service, cancellationToken);
        foreach (var each in new[] { DeployColor.Blue, DeployColor.Green })
        {
            await SetRunningAsync(service, each, current.Of(each).Running, cancellationToken);
        }

        await SetAsync(ServiceConfigKeys.LiveColor(service), color.ConfigName(), cancellationToken);
    }

    public async Task<RolloutRecord?> ReadRolloutRecordAsync(CancellationToken cancellationToken)
    {
        var config = await stack.GetAllConfigAsync(cancellationToken);
        return config.TryGetValue(ConfigKeys.RolloutInProgress, out var value) && value.Value.Length > 0
            ? RolloutRecordJson.Deserialize(value.Value)
            : null;
    }

    public Task WriteRolloutRecordAsync(RolloutRecord record, CancellationToken cancellationToken) =>
        stack.SetConfigAsync(ConfigKeys.RolloutInProgress, new ConfigValue(RolloutRecordJson.Serialize(record)), cancellationToken);

    public Task ClearRolloutRecordAsync(CancellationToken cancellationToken) =>
        stack.RemoveConfigAsync(ConfigKeys.RolloutInProgress, cancellationToken);

    /// <summary>Stack config has no holder to give up: any command on this machine may continue the record.</summary>
    public Task ReleaseRolloutAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stack config reaches no other machine: a promote is stored for the next resume, a stop is acted on here.</summary>
    public async Task<ControlDelivery> RequestControlAsync(RolloutControl control, CancellationToken cancellationToken)
    {
        if (await ReadRolloutRecordAsync(cancellationToken) is not { } record) return ControlDelivery.NoRollout;
        var promotion = control switch
        {
            RolloutControl.Promote => PromotionRequest.SkipBake,
            RolloutControl.PromoteFull => PromotionRequest.Full,
            _ => PromotionRequest.None,
        };
        if (promotion != PromotionRequest.None) await WriteRolloutRecordAsync(record with { Promotion = promotion }, cancellationToken);
        return ControlDelivery.Stored;
    }

    // The stack resource itself is a target too (not its children): its outputs, which say what is deployed
    // (live color, weights) and which the stale-config check compares with, must follow every update.
    public Task UpdateAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken) =>
        stack.UpdateOrBusyAsync(
            new UpOptions { Target = targetUrns.Append(RootStackUrn).ToList(), Message = "infra-runner targeted update" }, cancellationToken);

    /// <summary>The engine's URN of the stack resource; a qualified stack name (org/project/stack) ends in the stack.</summary>
    private string RootStackUrn
    {
        get
        {
            var stackName = stack.Name.Split('/')[^1];
            return $"urn:pulumi:{stackName}::{Plan.PlanBuilder.Project}::pulumi:pulumi:Stack::{Plan.PlanBuilder.Project}-{stackName}";
        }
    }

    private Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        stack.SetConfigAsync(key, new ConfigValue(value), path: true, cancellationToken);
}
