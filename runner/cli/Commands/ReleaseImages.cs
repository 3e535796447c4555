using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Validation;
// Pulumi.Automation has a StackSettings of its own.
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Commands;

/// <summary>
/// What <c>deploy --service NAME=IMAGE</c> may release: a valid reference from the stack's allowed registries (the
/// rule the stack file's images follow), and in production (<c>infra:environment</c>) a digest, so what staging
/// tested is exactly what runs; <c>--allow-tag</c> lifts only the digest rule.
/// </summary>
public static class ReleaseImages
{
    public const string AllowTagFlag = "--allow-tag";

    /// <summary>Throws <see cref="RolloutInputException"/> naming the first image the stack may not release.</summary>
    public static void Require(StackSettings settings, IEnumerable<ServiceRequest> services, bool allowTag)
    {
        foreach (var service in services)
        {
            if (service.Image is not { } image)
            {
                if (settings.IsProduction && !allowTag)
                    throw new RolloutInputException(
                        $"--service {service.Name} names no image, and production releases images by digest only; pass --service " +
                        $"{service.Name}=<repository>@sha256:<digest>, or {AllowTagFlag} to redeploy the idle color's configured image");
                continue;
            }

            if (!ImageReference.IsValid(image))
                throw new RolloutInputException($"--service {service.Name}: {Shown.Text(image)} is not an image reference; expected {ImageReference.AllowedForm}");
            if (settings.Images.AllowedRegistries is { } allowed && !AllowedRegistries.Allows(allowed, image))
                throw new RolloutInputException($"--service {service.Name}: {AllowedRegistries.Refusal(image, allowed)}");
            if (settings.IsProduction && !allowTag && !ImageReference.IsByDigest(image))
                throw new RolloutInputException(
                    $"--service {service.Name}: {Shown.Text(image)} is not by digest, and production releases images by digest only; " +
                    $"pass the image as <repository>@sha256:<digest>, or {AllowTagFlag} to release the tag anyway");
        }
    }
}
