using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

/// <summary><c>infra:releaseGuard</c>: on unless a stack turns it off, and nothing but <c>enabled</c>, a boolean.</summary>
public class ReleaseGuardSettingsTests
{
    [Fact]
    public void Both_environments_declare_the_guard_unless_told_otherwise()
    {
        Assert.Equal(new ReleaseGuardSettings(true), StackBuilder.Staging().Load().GetValidOrThrow().ReleaseGuard);
        Assert.Equal(new ReleaseGuardSettings(true), StackBuilder.Production().Load().GetValidOrThrow().ReleaseGuard);
    }

    [Fact]
    public void A_stack_can_turn_the_guard_off()
    {
        var settings = StackBuilder.Production().Set("infra:releaseGuard", "enabled", false).Load().GetValidOrThrow();

        Assert.False(settings.ReleaseGuard.Enabled);
    }

    [Fact]
    public void Enabled_must_be_a_boolean()
    {
        Expect.Error(StackBuilder.Staging().Set("infra:releaseGuard", "enabled", "sometimes"),
            "infra:releaseGuard.enabled: expected true or false, got 'sometimes'");
    }

    [Fact]
    public void An_unknown_key_is_named_with_the_one_it_resembles()
    {
        Expect.Error(StackBuilder.Staging().Set("infra:releaseGuard", "enable", true),
            "infra:releaseGuard.enable: unknown key; did you mean 'enabled'?");
    }

    [Fact]
    public void The_key_must_hold_a_map()
    {
        var result = Expect.Yaml("staging", MinimalStack.Staging + "\n  infra:releaseGuard: off\n");

        Assert.Equal(["Pulumi.staging.yaml: infra:releaseGuard: expected a map, got 'off'"], result.Errors);
    }
}
