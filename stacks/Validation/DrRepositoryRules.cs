using Infra.Stacks.Dr;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>
/// Rules for <c>infra:dr.replicatedRepositories</c>. With a pilot light the list is required for every repository of the
/// services' images in <c>aws:region</c>'s ECR: without a copy in the DR region, the DR tasks could not start in the
/// very outage they exist for. Images of other registries do not depend on the primary region and need nothing.
/// </summary>
public static partial class DrRepositoryRules
{
    private const string Key = DrRegionCopies.RepositoriesKey;

    /// <summary>ECR's repository name rule: path components of lower-case letters and digits joined by . _ -, 2 to 256 characters.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex RepositoryName();

    /// <summary>The most repository filters one ECR replication rule takes.</summary>
    public const int MaxRepositories = 100;

    private static bool IsRepositoryName(string name) => name.Length is >= 2 and <= 256 && RepositoryName().IsMatch(name);

    public const string AllowedForm = "lower-case letters and digits separated by . _ - in components joined by /, 2 to 256 characters, e.g. web or team/web";

    public static void Validate(StackSettings settings, Diagnostics d)
    {
        var repositories = settings.Dr.ReplicatedRepositories;
        if (repositories is not null && !settings.Dr.PilotLight)
            d.Error(Key, "set without a pilot light, which is what runs the replicated images; set infra:dr.pilotLight: true or remove the key");
        if (repositories?.Count > MaxRepositories)
            d.Error(Key, $"lists {repositories.Count} repositories; ECR's replication rule takes at most {MaxRepositories} repository filters");
        for (var i = 0; i < (repositories?.Count ?? 0); i++)
        {
            var repository = repositories![i];
            if (!IsRepositoryName(repository))
                d.Error(KeyPath.Item(Key, i), $"{Shown.Text(repository)} is not an ECR repository name; expected {AllowedForm}");
            else if (repositories.Take(i).Contains(repository))
                d.Error(KeyPath.Item(Key, i), $"{Shown.Text(repository)} is listed twice");
        }
        if (settings.Dr.PilotLight && settings.DrRegion is not null) CheckServiceImages(settings, d);
    }

    private static void CheckServiceImages(StackSettings settings, Diagnostics d)
    {
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in settings.Services)
        {
            foreach (var color in Enum.GetValues<Color>())
            {
                if (service.Image[color] is not { } image || EcrImageReference.Parse(image) is not { } ecr || ecr.Region != settings.Region) continue;
                var path = $"{KeyPath.Child(ConfigKeys.Services, service.Name)}.image.{color.ToConfigName()}";
                if (!DrRegionCopies.TryDrImage(image, settings, out _) && !used.Contains(ecr.Repository))
                    d.Error(Key, $"does not list '{ecr.Repository}', the repository of {path} ({Shown.Text(image)}); the pilot light in {settings.DrRegion} " +
                        $"pulls the copy ECR replicates there, so list every repository of the services' images in {settings.Region}'s ECR");
                accounts.Add(ecr.Account);
                used.Add(ecr.Repository);
            }
        }
        var repositories = settings.Dr.ReplicatedRepositories ?? ValueList<string>.Empty;
        for (var i = 0; i < repositories.Count; i++)
        {
            // A repository nothing runs is most likely a typo, and replicating it would be paid for in vain.
            if (!used.Contains(repositories[i]) && !repositories.Take(i).Contains(repositories[i]) && IsRepositoryName(repositories[i]))
                d.Error(KeyPath.Item(Key, i), $"{Shown.Text(repositories[i])} is not the repository of any service image in {settings.Region}'s ECR; list only the repositories the services run");
        }
        if (accounts.Count > 1)
            d.Error(Key, $"the services' images in {settings.Region}'s ECR come from accounts {string.Join(", ", accounts)}; a stack replicates only one account's registry, so they must come from one");
    }
}
