using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>
/// Rules for <c>infra:images</c> and the images the services run. The DR pilot light runs the same
/// <c>infra:services</c> images (the DR settings name none of their own), so checking the services covers it.
/// </summary>
public static class ImageRules
{
    public static void Validate(StackSettings settings, Diagnostics d)
    {
        if (settings.Images.AllowedRegistries is not { } allowed)
        {
            // Production releases only what came from the registries its CI pushes to; staging may try anything.
            if (settings.IsProduction)
                d.Error(AllowedRegistries.Key, $"required in production; list the registries images may come from, as {AllowedRegistries.AllowedForm}");
            else
                d.Warning(AllowedRegistries.Key, "not set; staging accepts images from any registry");
            return;
        }

        if (allowed.Count == 0)
            d.Error(AllowedRegistries.Key, $"is empty, so no image could run; list at least one, as {AllowedRegistries.AllowedForm}");
        for (var i = 0; i < allowed.Count; i++)
        {
            if (!AllowedRegistries.IsValidEntry(allowed[i]))
                d.Error(KeyPath.Item(AllowedRegistries.Key, i), $"{Shown.Text(allowed[i])} is not a registry; expected {AllowedRegistries.AllowedForm}");
        }

        foreach (var service in settings.Services)
        {
            foreach (var color in Enum.GetValues<Color>())
            {
                // An invalid reference already has its own error (ServiceRules).
                if (service.Image[color] is { Length: > 0 } image && ImageReference.IsValid(image) && !AllowedRegistries.Allows(allowed, image))
                    d.Error($"{KeyPath.Child(ConfigKeys.Services, service.Name)}.image.{color.ToConfigName()}", AllowedRegistries.Refusal(image, allowed));
            }
        }
    }
}
