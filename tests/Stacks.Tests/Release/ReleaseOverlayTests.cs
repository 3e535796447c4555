using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests.Release;

public class ReleaseOverlayTests
{
    private const string Ledger = "release ledger infra-staging-releases";

    /// <summary>The registry the repository's staging stack allows.</summary>
    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

    private static StackSettings Staging() => StackSettingsLoader.FromFile(RepoFiles.StackFile("staging")).GetValidOrThrow();

    private static readonly ServiceRelease Released = new(
        Color.Green, new ColorPair<int>(0, 100), new ColorPair<string?>($"{Registry}/web:1.4.2", $"{Registry}/web:1.6.0"), new ColorPair<bool>(false, true));

    [Fact]
    public void The_ledgers_release_replaces_the_stack_files_images_weights_live_color_and_running_flags()
    {
        var settings = Staging();

        var overlaid = ReleaseOverlay.Apply(settings, ReleaseState.Empty.With("web", Released), Ledger).GetValidOrThrow();

        var web = overlaid.Service("web");
        Assert.Equal((Color.Green, Released.Weights, Released.Image, Released.Running), (web.LiveColor, web.Weights, web.Image, web.Running));
        // Everything else is the stack file's.
        Assert.Equal(settings with { Services = overlaid.Services }, overlaid);
        Assert.Equal(settings.Service("web") with { LiveColor = web.LiveColor, Weights = web.Weights, Image = web.Image, Running = web.Running }, web);
    }

    [Fact]
    public void Without_a_release_the_stack_files_values_seed_it()
    {
        var settings = Staging();

        Assert.Equal(settings, ReleaseOverlay.Apply(settings, ReleaseState.Empty, Ledger).GetValidOrThrow());
    }

    [Fact]
    public void A_service_the_stack_file_no_longer_declares_is_left_out()
    {
        var settings = Staging();

        var overlaid = ReleaseOverlay.Apply(settings, ReleaseState.Empty.With("retired", Released), Ledger).GetValidOrThrow();

        Assert.Equal(["web", "api"], overlaid.Services.Select(s => s.Name));
    }

    [Fact]
    public void The_ledgers_dr_promotion_wins_over_a_stack_file_that_says_false()
    {
        var settings = Staging();
        Assert.False(settings.Dr.Promote);

        var overlaid = ReleaseOverlay.Apply(settings, ReleaseState.Empty with { DrPromoted = true }, Ledger).GetValidOrThrow();

        Assert.True(overlaid.Dr.Promote);
        Assert.Equal(settings with { Dr = settings.Dr with { Promote = true } }, overlaid);
    }

    [Fact]
    public void The_ledgers_switching_back_reaches_the_settings_with_the_promotion()
    {
        var settings = Staging();

        var overlaid = ReleaseOverlay.Apply(settings, ReleaseState.Empty with { DrPromoted = true, DrSwitchingBack = true }, Ledger).GetValidOrThrow();

        Assert.Equal(settings with { Dr = settings.Dr with { Promote = true, SwitchingBack = true } }, overlaid);
    }

    [Fact]
    public void A_stack_file_that_says_promoted_still_promotes_when_the_ledger_does_not()
    {
        var settings = Staging() with { Dr = Staging().Dr with { Promote = true } };

        Assert.True(ReleaseOverlay.Apply(settings, ReleaseState.Empty, Ledger).GetValidOrThrow().Dr.Promote);
    }

    [Fact]
    public void A_dr_promotion_without_a_replica_fails_naming_the_ledger()
    {
        var settings = Staging() with { Dr = Staging().Dr with { Replica = false, Promote = false, PilotLight = false, Dns = null, ReplicatedRepositories = null } };

        var result = ReleaseOverlay.Apply(settings, ReleaseState.Empty with { DrPromoted = true }, Ledger);

        Assert.Equal([$"{Ledger}: infra:dr.promote: true needs a replica to promote; set infra:dr.replica: true"], result.Errors);
    }

    [Fact]
    public void A_release_the_program_cannot_declare_fails_naming_the_ledger()
    {
        var broken = Released with { Image = new ColorPair<string?>($"{Registry}/web:1.4.2", null) };

        var result = ReleaseOverlay.Apply(Staging(), ReleaseState.Empty.With("web", broken), Ledger);

        Assert.Equal(
            [$"{Ledger}: infra:services.web.image.green: required, because green is the live color"],
            result.Errors);
    }

    [Fact]
    public void A_released_image_from_a_registry_the_stack_does_not_allow_fails_naming_the_ledger()
    {
        var foreign = Released with { Image = new ColorPair<string?>($"{Registry}/web:1.4.2", "ghcr.io/someone/web:1.6.0") };

        var result = ReleaseOverlay.Apply(Staging(), ReleaseState.Empty.With("web", foreign), Ledger);

        Assert.Equal(
            [$"{Ledger}: infra:services.web.image.green: 'ghcr.io/someone/web:1.6.0' is not from an allowed registry; infra:images.allowedRegistries allows {Registry}"],
            result.Errors);
    }
}
