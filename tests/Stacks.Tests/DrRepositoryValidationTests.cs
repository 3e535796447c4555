using System.Text.Json.Nodes;
using Infra.Stacks.Dr;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

/// <summary><c>infra:dr.replicatedRepositories</c> and what the pilot light runs instead of the primary region's images and secrets.</summary>
public class DrRepositoryValidationTests
{
    private const string Ecr = StackBuilder.Registry;
    private const string Key = "infra:dr.replicatedRepositories";

    private static StackBuilder PilotLight(params string[]? repositories)
    {
        var builder = StackBuilder.Production()
            .Set("infra:dr", "pilotLight", true)
            .Set("infra:dr", "certificateArn", "arn:aws:acm:eu-central-1:123456789012:certificate/dr");
        return repositories is null ? builder : builder.Set("infra:dr", "replicatedRepositories", new JsonArray(repositories.Select(r => (JsonNode?)r).ToArray()));
    }

    [Fact]
    public void A_pilot_light_requires_every_repository_of_the_primary_regions_ecr_images() =>
        Expect.Error(PilotLight(null),
            $"{Key}: does not list 'web', the repository of infra:services.web.image.blue ('{Ecr}/web:1.0.0'); the pilot light in eu-central-1 " +
            "pulls the copy ECR replicates there, so list every repository of the services' images in eu-west-1's ECR");

    [Fact]
    public void Listed_repositories_are_read_and_the_registry_replication_is_declared_by_default()
    {
        var settings = PilotLight("web").Load().Settings!;

        Assert.Equal(["web"], settings.Dr.ReplicatedRepositories!);
        Assert.True(settings.Dr.DeclareEcrReplication);
        Assert.False(PilotLight("web").Set("infra:dr", "declareEcrReplication", false).Load().Settings!.Dr.DeclareEcrReplication);
    }

    [Fact]
    public void Images_of_other_registries_need_no_copy() =>
        Assert.True(PilotLight(null).Set("infra:images", "allowedRegistries", new JsonArray(Ecr, "ghcr.io/acme"))
            .Set("infra:services", "web.image.blue", "ghcr.io/acme/web:1").Load().IsValid);

    [Theory]
    [InlineData("Web")]
    [InlineData("w")]
    [InlineData("web/")]
    [InlineData("web:1")]
    public void A_name_ecr_would_refuse_is_an_error(string name) =>
        Expect.Error(PilotLight("web", name),
            $"{Key}[1]: '{name}' is not an ECR repository name; expected lower-case letters and digits separated by . _ - in components joined by /, " +
            "2 to 256 characters, e.g. web or team/web");

    [Fact]
    public void A_repository_listed_twice_is_an_error() =>
        Expect.Error(PilotLight("web", "web"), $"{Key}[1]: 'web' is listed twice");

    [Fact]
    public void A_repository_no_service_runs_is_an_error() =>
        Expect.Error(PilotLight("web", "team/wbe"),
            $"{Key}[1]: 'team/wbe' is not the repository of any service image in eu-west-1's ECR; list only the repositories the services run");

    [Fact]
    public void The_list_without_a_pilot_light_is_an_error() =>
        Expect.Error(StackBuilder.Production().Set("infra:dr", "replicatedRepositories", new JsonArray("web")),
            $"{Key}: set without a pilot light, which is what runs the replicated images; set infra:dr.pilotLight: true or remove the key");

    [Fact]
    public void Images_of_two_accounts_registries_are_an_error() =>
        Expect.Error(PilotLight("web").Set("infra:images", "allowedRegistries", new JsonArray(Ecr, "210987654321.dkr.ecr.eu-west-1.amazonaws.com"))
                .Set("infra:services", "web.image.green", "210987654321.dkr.ecr.eu-west-1.amazonaws.com/web:2"),
            $"{Key}: the services' images in eu-west-1's ECR come from accounts 123456789012, 210987654321; a stack replicates only one account's registry, so they must come from one");

    [Fact]
    public void The_pilot_light_runs_the_dr_regions_copy_of_each_image_and_secret()
    {
        var settings = PilotLight("web").Set("infra:services", "web.image.green", $"{Ecr}/web:1.1.0@sha256:{new string('a', 64)}")
            .Set("infra:services", "web.secrets.DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/web/db-Q1w2E3")
            .Set("infra:services", "web.secrets.OTHER", "arn:aws:secretsmanager:us-east-1:123456789012:secret:shared-AbCdEf")
            .Load().Settings!;

        var dr = DrRegionCopies.Service(settings.Services[0], settings);

        Assert.Equal("123456789012.dkr.ecr.eu-central-1.amazonaws.com/web:1.0.0", dr.Image.Blue);
        Assert.Equal($"123456789012.dkr.ecr.eu-central-1.amazonaws.com/web:1.1.0@sha256:{new string('a', 64)}", dr.Image.Green);
        Assert.Equal("arn:aws:secretsmanager:eu-central-1:123456789012:secret:production/web/db-Q1w2E3", dr.Secrets["DB_PASSWORD"]);
        Assert.Equal("arn:aws:secretsmanager:us-east-1:123456789012:secret:shared-AbCdEf", dr.Secrets["OTHER"]);
        Assert.Equal("123456789012", DrRegionCopies.RegistryAccount(settings));
    }

    [Fact]
    public void A_released_image_whose_repository_is_not_replicated_stops_the_program_with_the_fix()
    {
        var settings = PilotLight("web").Load().Settings!;
        var released = settings.Services[0] with { Image = new ColorPair<string?>($"{Ecr}/web:1.0.0", $"{Ecr}/web-next:2.0.0") };

        var error = Assert.Throws<ArgumentException>(() => DrRegionCopies.Service(released, settings));

        Assert.Equal($"service web's green image '{Ecr}/web-next:2.0.0' is in eu-west-1's ECR, but {Key} does not list its repository 'web-next', " +
            "so the pilot light in eu-central-1 would depend on the primary region; add it there (and push the image again: ECR replicates only " +
            "images pushed after it is configured) (Parameter 'service')", error.Message);
    }
}
