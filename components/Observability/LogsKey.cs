using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Kms;

namespace Infra.Components.Observability;

/// <summary>
/// The customer managed KMS key the stack's log groups of one region are encrypted with (rotated yearly), and its key
/// policy (<see cref="LogsKeyPolicy"/>). A key is regional, so the DR region has its own. Retained (and protected in
/// production) like every key: deleting it would make the logs unreadable.
/// </summary>
public sealed class LogsKey : ComponentResource
{
    /// <summary>The key's ARN, known only once its policy lets CloudWatch Logs use it: a log group created earlier fails.</summary>
    public Output<string> Arn { get; }

    /// <summary>The account the key (and the stack) lives in, from the key's ARN.</summary>
    public Output<string> AccountId { get; }

    /// <param name="region">The region the key and its log groups live in.</param>
    public LogsKey(string name, StackSettings settings, string region, ComponentResourceOptions? options = null)
        : base("infra:observability:LogsKey", name, options)
    {
        var key = new Key($"{name}-key", new KeyArgs
        {
            Description = $"{StackConventions.Naming(settings).Prefix}: encrypts the stack's CloudWatch log groups in {region}",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Tags = StackConventions.Tags(settings, $"{name}-key"),
        }, new CustomResourceOptions { Parent = this, RetainOnDelete = true, Protect = settings.IsProduction });
        var policy = new KeyPolicy($"{name}-policy", new KeyPolicyArgs
        {
            KeyId = key.KeyId,
            Policy = key.Arn.Apply(arn => LogsKeyPolicy.For(arn, region)),
        }, new CustomResourceOptions { Parent = this });
        Arn = Output.Tuple(key.Arn, policy.Id).Apply(t => t.Item1);
        AccountId = key.Arn.Apply(arn => arn.Split(':')[4]);
        RegisterOutputs(new Dictionary<string, object?> { ["arn"] = Arn });
    }
}
