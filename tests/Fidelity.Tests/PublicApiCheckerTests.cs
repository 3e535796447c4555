using Fidelity.Tests.PublicApi;

namespace Fidelity.Tests;

/// <summary>The core-API check on fixture lines: unknown members, nearest real lines, the allow-list and stale entries.</summary>
public class PublicApiCheckerTests
{
    private static readonly PublicApiListing Listing = new(
    [
        "Fixture.Widget",
        "Fixture.Widget.Rename(string name) -> void",
        "Fixture.Widget.Rename(string name, bool force) -> void",
        "Fixture.Widget.Size.get -> int?",
        "static Fixture.Widget.Create<T>(T value) -> Fixture.Widget",
    ]);

    private static readonly SourceOnlyAllowList NoExceptions = new([]);

    [Fact]
    public void Lines_in_the_listing_pass()
    {
        var rendered = new[] { "Fixture.Widget", "Fixture.Widget.Rename(string name) -> void", "Fixture.Widget.Size.get -> int?" };

        Assert.Empty(PublicApiChecker.FindUnknownMembers("Pulumi", rendered, Listing, NoExceptions));
    }

    [Fact]
    public void A_member_absent_from_the_listing_is_reported_with_the_closest_line_of_the_same_name()
    {
        var rendered = new[] { "Fixture.Widget.Rename(string newName) -> void" };

        Assert.Equal(
            ["Pulumi: not in the real API: Fixture.Widget.Rename(string newName) -> void; the real API has: Fixture.Widget.Rename(string name) -> void"],
            PublicApiChecker.FindUnknownMembers("Pulumi", rendered, Listing, NoExceptions));
    }

    [Fact]
    public void A_member_whose_name_the_listing_lacks_is_reported_without_a_suggestion()
    {
        var rendered = new[] { "Fixture.Widget.Color.set -> void" };

        Assert.Equal(
            ["Pulumi: not in the real API: Fixture.Widget.Color.set -> void"],
            PublicApiChecker.FindUnknownMembers("Pulumi", rendered, Listing, NoExceptions));
    }

    [Fact]
    public void Property_accessors_and_generic_methods_find_their_family_by_member_name()
    {
        var rendered = new[] { "Fixture.Widget.Size.set -> void", "static Fixture.Widget.Create<U>(U value) -> Fixture.Widget" };

        Assert.Equal(
        [
            "Pulumi: not in the real API: Fixture.Widget.Size.set -> void; the real API has: Fixture.Widget.Size.get -> int?",
            "Pulumi: not in the real API: static Fixture.Widget.Create<U>(U value) -> Fixture.Widget; the real API has: static Fixture.Widget.Create<T>(T value) -> Fixture.Widget",
        ], PublicApiChecker.FindUnknownMembers("Pulumi", rendered, Listing, NoExceptions));
    }

    [Fact]
    public void An_allow_listed_member_passes()
    {
        var allowList = SourceOnlyAllowList.Parse(["# comment", "", "Fixture.Widget.Color.set -> void | sdk/Pulumi/Widget.cs"], "SourceOnlyMembers.txt");

        Assert.Empty(PublicApiChecker.FindUnknownMembers("Pulumi", ["Fixture.Widget.Color.set -> void"], Listing, allowList));
        Assert.Equal(new SourceOnlyMember("Fixture.Widget.Color.set -> void", "sdk/Pulumi/Widget.cs"), Assert.Single(allowList.Entries));
    }

    [Fact]
    public void Allow_list_entries_the_offline_sdk_no_longer_declares_or_the_listing_already_has_are_reported()
    {
        var allowList = SourceOnlyAllowList.Parse(
        [
            "Fixture.Widget.Gone() -> void | sdk/Pulumi/Widget.cs",
            "Fixture.Widget.Rename(string name) -> void | sdk/Pulumi/Widget.cs",
            "Fixture.Widget.Color.set -> void | sdk/Pulumi/Widget.cs",
        ], "SourceOnlyMembers.txt");
        var rendered = new[] { "Fixture.Widget.Rename(string name) -> void", "Fixture.Widget.Color.set -> void" };

        Assert.Equal(
        [
            "SourceOnlyMembers.txt: not declared by the offline SDK (stale entry): Fixture.Widget.Gone() -> void",
            "SourceOnlyMembers.txt: already in the PublicAPI listing (redundant entry): Fixture.Widget.Rename(string name) -> void",
        ], PublicApiChecker.FindStaleEntries("SourceOnlyMembers.txt", allowList, rendered, [Listing]));
    }

    [Fact]
    public void An_allow_list_line_without_a_source_path_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => SourceOnlyAllowList.Parse(["Fixture.Widget.Gone() -> void"], "SourceOnlyMembers.txt"));

        Assert.Equal("SourceOnlyMembers.txt:1: expected '<rendered member> | <source path in pulumi/pulumi-dotnet>', got: Fixture.Widget.Gone() -> void", error.Message);
    }

    [Theory]
    [InlineData("static Pulumi.Output.Format(System.FormattableString formattableString) -> Pulumi.Output<string>", "Pulumi.Output.Format")]
    [InlineData("Pulumi.Alias.Name.set -> void", "Pulumi.Alias.Name")]
    [InlineData("Pulumi.InputMap<V>.this[string key].set -> void", "Pulumi.InputMap<V>.this")]
    [InlineData("static Pulumi.Input<T>.implicit operator Pulumi.Input<T>(T value) -> Pulumi.Input<T>", "Pulumi.Input<T>.implicit operator")]
    [InlineData("Pulumi.Config.GetObject<T>(string key) -> T", "Pulumi.Config.GetObject")]
    [InlineData("static readonly Pulumi.ResourceArgs.Empty -> Pulumi.ResourceArgs", "Pulumi.ResourceArgs.Empty")]
    [InlineData("Pulumi.Automation.PluginKind.Resource = 2 -> Pulumi.Automation.PluginKind", "Pulumi.Automation.PluginKind.Resource")]
    [InlineData("Pulumi.Union<T0, T1>", "Pulumi.Union")]
    public void Member_key_strips_modifiers_signature_accessor_and_arity(string line, string key)
    {
        Assert.Equal(key, PublicApiListing.MemberKey(line));
    }
}
