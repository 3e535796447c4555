using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Dr;

/// <summary>
/// What the pilot light runs instead of the primary region's images and secrets, so its tasks start while
/// <c>aws:region</c> is down: the DR region's copy of each image replicated from the primary region's ECR, and the
/// DR region's replica of each Secrets Manager secret.
/// </summary>
public static class DrRegionCopies
{
    /// <summary>The key that lists the repositories replicated to the DR region.</summary>
    public const string RepositoriesKey = $"{ConfigKeys.Dr}.replicatedRepositories";

    /// <summary>The service with its images and secrets as the DR region has them; throws when an image has no copy there.</summary>
    public static ServiceSettings Service(ServiceSettings service, StackSettings settings) => service with
    {
        Image = new ColorPair<string?>(Image(service, Color.Blue, settings), Image(service, Color.Green, settings)),
        Secrets = new ValueMap<string>(service.Secrets.Select(p => KeyValuePair.Create(p.Key, SecretArn(p.Value, settings)))),
    };

    /// <summary>
    /// The image the pilot light pulls: an image of <c>aws:region</c>'s ECR becomes its copy in the DR region when its
    /// repository is replicated (false when it is not); other registries do not depend on the primary region and stay.
    /// </summary>
    public static bool TryDrImage(string image, StackSettings settings, out string drImage)
    {
        drImage = image;
        if (EcrImageReference.Parse(image) is not { } ecr || ecr.Region != settings.Region) return true;
        if (!(settings.Dr.ReplicatedRepositories ?? ValueList<string>.Empty).Contains(ecr.Repository)) return false;
        drImage = ecr.InRegion(DrRegionOf(settings));
        return true;
    }

    /// <summary>
    /// The account whose registry holds the replicated repositories: that of the services' images in <c>aws:region</c>'s
    /// ECR (validation allows one); the replication copies within it. Null when no such image exists.
    /// </summary>
    public static string? RegistryAccount(StackSettings settings) =>
        settings.Services.SelectMany(s => new[] { s.Image.Blue, s.Image.Green })
            .Select(image => image is null ? null : EcrImageReference.Parse(image))
            .FirstOrDefault(ecr => ecr is not null && ecr.Region == settings.Region)?.Account;

    /// <summary>
    /// The ARN the pilot light reads a secret by: a secret of <c>aws:region</c> is read through its replica in the DR
    /// region, which Secrets Manager gives the primary's name and suffix, so only the region differs.
    /// </summary>
    public static string SecretArn(string arn, StackSettings settings)
    {
        var parts = arn.Split(':', 7);
        if (parts.Length < 7 || parts[2] != "secretsmanager" || parts[3] != settings.Region) return arn;
        parts[3] = DrRegionOf(settings);
        return string.Join(':', parts);
    }

    private static string? Image(ServiceSettings service, Color color, StackSettings settings)
    {
        if (service.Image[color] is not { } image) return null;
        return TryDrImage(image, settings, out var drImage)
            ? drImage
            : throw new ArgumentException(
                $"service {service.Name}'s {color.ToConfigName()} image {Shown.Text(image)} is in {settings.Region}'s ECR, but {RepositoriesKey} " +
                $"does not list its repository '{EcrImageReference.Parse(image)!.Repository}', so the pilot light in {DrRegionOf(settings)} " +
                "would depend on the primary region; add it there (and push the image again: ECR replicates only images pushed after it is configured)",
                nameof(service));
    }

    private static string DrRegionOf(StackSettings settings) =>
        settings.DrRegion ?? throw new ArgumentException("the stack has no infra:drRegion; the DR region's copies exist only with one", nameof(settings));
}
