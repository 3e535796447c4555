using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests.Release;

public class ReleaseStateTests
{
    internal static ServiceRelease BlueLive(string image) =>
        new(Color.Blue, new ColorPair<int>(100, 0), new ColorPair<string?>(image, null), new ColorPair<bool>(true, false));

    [Fact]
    public void States_with_the_same_services_are_equal_whatever_order_they_were_built_in()
    {
        var a = ReleaseState.Empty.With("web", BlueLive("web:1")).With("api", BlueLive("api:1"));
        var b = ReleaseState.Empty.With("api", BlueLive("api:1")).With("web", BlueLive("web:1"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(["api", "web"], a.Services.Keys);
    }

    [Fact]
    public void A_different_image_makes_states_unequal()
    {
        var a = ReleaseState.Empty.With("web", BlueLive("web:1"));

        Assert.NotEqual(a, a.With("web", BlueLive("web:2")));
        Assert.NotEqual(a, ReleaseState.Empty);
    }

    [Fact]
    public void The_dr_promotion_is_part_of_the_value_and_kept_by_with()
    {
        var a = ReleaseState.Empty.With("web", BlueLive("web:1"));
        var promoted = a with { DrPromoted = true };

        Assert.False(a.DrPromoted);
        Assert.NotEqual(a, promoted);
        Assert.Equal(promoted, ReleaseState.Empty.With("web", BlueLive("web:1")) with { DrPromoted = true });
        Assert.True(promoted.With("web", BlueLive("web:2")).DrPromoted);
    }

    [Fact]
    public void With_replaces_one_service_and_leaves_the_original_unchanged()
    {
        var before = ReleaseState.Empty.With("web", BlueLive("web:1"));

        var after = before.With("web", BlueLive("web:2"));

        Assert.Equal("web:2", after.Services["web"].Image.Blue);
        Assert.Equal("web:1", before.Services["web"].Image.Blue);
    }

    [Fact]
    public void Services_are_kept_in_ordinal_order()
    {
        var state = new ReleaseState(new Dictionary<string, ServiceRelease> { ["b"] = BlueLive("b"), ["B"] = BlueLive("B"), ["a"] = BlueLive("a") });

        Assert.Equal(["B", "a", "b"], state.Services.Keys);
    }
}
