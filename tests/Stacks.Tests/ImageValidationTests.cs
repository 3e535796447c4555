using System.Text.Json.Nodes;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Tests;

/// <summary><c>infra:images.allowedRegistries</c> and the digest form, as the plan, the program and the runner apply them.</summary>
public class ImageValidationTests
{
    private const string Ecr = StackBuilder.Registry;

    private static StackBuilder Allowing(StackBuilder builder, params string[] registries) =>
        builder.Set("infra:images", "allowedRegistries", new JsonArray(registries.Select(r => (JsonNode?)r).ToArray()));

    [Fact]
    public void Production_requires_the_allowed_registries() =>
        Expect.Error(StackBuilder.Production().Remove("infra:images", "allowedRegistries"),
            "infra:images.allowedRegistries: required in production; list the registries images may come from, as a registry " +
            "host[:port] with an optional repository prefix, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or ghcr.io/acme");

    [Fact]
    public void Staging_without_them_accepts_any_registry_with_a_warning()
    {
        var result = StackBuilder.Staging().Set("infra:services", "web.image.green", "ghcr.io/someone/web:2").Load();

        Assert.True(result.IsValid);
        Assert.Contains("Pulumi.staging.yaml: infra:images.allowedRegistries: not set; staging accepts images from any registry", result.Warnings);
    }

    [Fact]
    public void An_image_from_another_registry_names_the_key_the_value_and_the_allowed_list() =>
        Expect.Error(Allowing(StackBuilder.Production(), Ecr, "ghcr.io/acme").Set("infra:services", "web.image.green", "ghcr.io/someone/web:2"),
            $"infra:services.web.image.green: 'ghcr.io/someone/web:2' is not from an allowed registry; infra:images.allowedRegistries allows {Ecr}, ghcr.io/acme");

    [Fact]
    public void Staging_applies_the_list_when_it_sets_one() =>
        Expect.Error(Allowing(StackBuilder.Staging(), Ecr),
            $"infra:services.web.image.blue: 'repo/web:1.0.0' is not from an allowed registry; infra:images.allowedRegistries allows {Ecr}");

    [Fact]
    public void An_empty_list_is_an_error() =>
        Expect.Errors(Allowing(StackBuilder.Production()),
            "Pulumi.production.yaml: infra:images.allowedRegistries: is empty, so no image could run; list at least one, as a registry " +
            "host[:port] with an optional repository prefix, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or ghcr.io/acme",
            $"Pulumi.production.yaml: infra:services.web.image.blue: '{Ecr}/web:1.0.0' is not from an allowed registry; infra:images.allowedRegistries allows ");

    [Theory]
    [InlineData("https://ghcr.io")]
    [InlineData("acme")]
    [InlineData("ghcr.io/acme:latest")]
    [InlineData("ghcr.io/Acme")]
    [InlineData("")]
    public void An_entry_that_is_not_a_registry_is_an_error(string entry) =>
        Expect.Error(Allowing(StackBuilder.Production(), Ecr, entry),
            $"infra:images.allowedRegistries[1]: '{entry}' is not a registry; expected a registry host[:port] with an optional " +
            "repository prefix, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or ghcr.io/acme");

    [Fact]
    public void Unknown_keys_under_images_are_errors() =>
        Expect.Error(StackBuilder.Production().Set("infra:images", "registries", new JsonArray(Ecr)),
            "infra:images.registries: unknown key; allowed keys are allowedRegistries");

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2", true)]
    [InlineData("123456789012.DKR.ecr.eu-west-1.amazonaws.com/web:1.4.2", true)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("123456789012.dkr.ecr.eu-central-1.amazonaws.com/web:1.4.2", false)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example/web:1", false)]
    [InlineData("ghcr.io/acme/web:2", true)]
    [InlineData("ghcr.io/acme/tools/web:2", true)]
    [InlineData("ghcr.io/acme-tools/web:2", false)]
    [InlineData("ghcr.io/acme:2", true)]
    [InlineData("localhost:5000/web:1", true)]
    [InlineData("localhost/web:1", false)]
    [InlineData("nginx:1.27", true)]
    [InlineData("library/nginx:1.27", true)]
    [InlineData("index.docker.io/library/nginx", true)]
    [InlineData("acme/nginx", false)]
    public void An_entry_allows_its_host_or_a_repository_prefix_of_whole_components(string image, bool allowed) =>
        Assert.Equal(allowed, AllowedRegistries.Allows([Ecr, "ghcr.io/acme", "localhost:5000", "docker.io/library"], image));

    [Theory]
    [InlineData("web:1", "docker.io", "library/web")]
    [InlineData("acme/web", "docker.io", "acme/web")]
    [InlineData("ghcr.io/acme/web:2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io", "acme/web")]
    [InlineData("localhost:5000/web", "localhost:5000", "web")]
    [InlineData("index.docker.io/acme/web", "docker.io", "acme/web")]
    public void A_reference_names_its_registry_as_the_runtime_resolves_it(string image, string registry, string path) =>
        Assert.Equal((registry, path), ImageReference.Repository(image));

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2", false)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0123456789abcdef", false)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("web@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("web:sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void An_image_is_by_digest_only_when_it_ends_in_a_sha256_digest(string image, bool byDigest) =>
        Assert.Equal(byDigest, ImageReference.IsByDigest(image));
}
