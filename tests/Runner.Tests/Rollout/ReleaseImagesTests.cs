using Infra.Runner.Commands;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;

namespace Runner.Tests.Rollout;

/// <summary>What <c>deploy --service NAME=IMAGE</c> may release, by the stack's settings.</summary>
public class ReleaseImagesTests
{
    private const string Ecr = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly Infra.Stacks.Settings.StackSettings Production = StackSettingsLoader.FromFile(RepoFiles.StackFile("production")).GetValidOrThrow();
    private static readonly Infra.Stacks.Settings.StackSettings Staging = StackSettingsLoader.FromFile(RepoFiles.StackFile("staging")).GetValidOrThrow();

    private static string Refusal(Infra.Stacks.Settings.StackSettings settings, bool allowTag, params ServiceRequest[] services) =>
        Assert.Throws<RolloutInputException>(() => ReleaseImages.Require(settings, services, allowTag)).Message;

    [Fact]
    public void Production_releases_an_allowed_image_by_digest()
    {
        ReleaseImages.Require(Production, [new("web", $"{Ecr}/web@{Digest}"), new("api", $"{Ecr}/api:2.9.2@{Digest}")], allowTag: false);
    }

    [Fact]
    public void Production_refuses_a_tag_naming_the_image_and_both_ways_out() =>
        Assert.Equal(
            $"--service web: '{Ecr}/web:1.6.0' is not by digest, and production releases images by digest only; " +
            "pass the image as <repository>@sha256:<digest>, or --allow-tag to release the tag anyway",
            Refusal(Production, false, new ServiceRequest("web", $"{Ecr}/web:1.6.0")));

    [Fact]
    public void Allow_tag_lets_production_release_a_tag()
    {
        ReleaseImages.Require(Production, [new("web", $"{Ecr}/web:1.6.0")], allowTag: true);
    }

    [Fact]
    public void Production_refuses_a_redeploy_without_an_image_unless_tags_are_allowed()
    {
        Assert.Equal(
            "--service web names no image, and production releases images by digest only; pass --service " +
            "web=<repository>@sha256:<digest>, or --allow-tag to redeploy the idle color's configured image",
            Refusal(Production, false, new ServiceRequest("web", null)));
        ReleaseImages.Require(Production, [new("web", null)], allowTag: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_image_from_another_registry_is_refused_with_the_key_and_the_allowed_list_even_with_allow_tag(bool allowTag) =>
        Assert.Equal(
            $"--service web: 'ghcr.io/someone/web@{Digest}' is not from an allowed registry; infra:images.allowedRegistries allows {Ecr}",
            Refusal(Production, allowTag, new ServiceRequest("web", $"ghcr.io/someone/web@{Digest}")));

    [Fact]
    public void Staging_releases_tags_from_its_allowed_registries()
    {
        ReleaseImages.Require(Staging, [new("web", $"{Ecr}/web:1.6.0"), new("web2", null)], allowTag: false);
        Assert.Equal(
            "--service web: 'web:3' is not from an allowed registry; infra:images.allowedRegistries allows " + Ecr,
            Refusal(Staging, false, new ServiceRequest("web", "web:3")));
    }

    [Fact]
    public void Staging_without_allowed_registries_releases_from_any()
    {
        ReleaseImages.Require(Staging with { Images = new(null) }, [new("web", "ghcr.io/someone/web:3")], allowTag: false);
    }

    [Fact]
    public void An_image_that_is_not_a_reference_is_refused() =>
        Assert.Equal(
            "--service web: 'Web Image' is not an image reference; expected [registry[:port]/]name[:tag][@sha256:<64 hex digits>], " +
            "e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
            Refusal(Staging, false, new ServiceRequest("web", "Web Image")));
}
