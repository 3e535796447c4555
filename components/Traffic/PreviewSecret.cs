using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.SecretsManager;
using Pulumi.Aws.SecretsManager.Inputs;
using Pulumi.Random;

namespace Infra.Components.Traffic;

/// <summary>
/// The value of the preview header (<c>infra:loadBalancer.previewHeader</c>), one per stack and shared by every
/// service's preview rule: a generated password kept in Secrets Manager, where the runner reads it. With a pilot
/// light the secret is replicated to the DR region, which then stands alone.
/// </summary>
public sealed class PreviewSecret : ComponentResource
{
    public const string TypeToken = "infra:traffic:PreviewSecret";

    /// <summary>
    /// Letters and digits only: an ALB header condition treats <c>*</c> and <c>?</c> as wildcards and compares
    /// case-insensitively, so 40 characters of [a-z0-9] (about 200 bits) is what the match actually checks.
    /// </summary>
    public const int Length = 40;

    /// <summary>The header value; a Pulumi secret, so it stays encrypted in state and masked in plans.</summary>
    public Output<string> Value { get; }

    /// <summary>The Secrets Manager secret's ARN, exported for the runner (never the value).</summary>
    public Output<string> Arn { get; }

    public PreviewSecret(string name, StackSettings settings, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var password = new RandomPassword($"{name}-value", new RandomPasswordArgs
        {
            Length = Length,
            Special = false,
            Upper = false,
        }, child);

        var secretName = StackConventions.Naming(settings).Resource("preview-header");
        var secret = new Secret($"{name}-secret", new SecretArgs
        {
            Name = secretName,
            Description = $"Value of the {settings.LoadBalancer.PreviewHeader} header that routes a request to the idle color; read by the release runner",
            KmsKeyId = "alias/aws/secretsmanager",
            // Production keeps a deleted secret 30 days to recover; staging deletes at once so a recreated stack can reuse the name.
            RecoveryWindowInDays = settings.IsProduction ? 30 : 0,
            Replicas = settings.Dr.PilotLight && settings.DrRegion is { } drRegion
                ? new InputList<SecretReplicaArgs> { new SecretReplicaArgs { Region = drRegion } }
                : new InputList<SecretReplicaArgs>(),
            Tags = StackConventions.Tags(settings, secretName),
        }, child);
        _ = new SecretVersion($"{name}-secret-value", new SecretVersionArgs
        {
            SecretId = secret.Arn,
            SecretString = password.Result,
        }, child);

        Value = Output.CreateSecret(password.Result);
        Arn = secret.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["arn"] = Arn });
    }
}
