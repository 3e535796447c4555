using Fidelity.Tests.Fixtures.Api;
using Fidelity.Tests.PublicApi;

namespace Fidelity.Tests;

/// <summary>The renderer writes fixture types exactly as Roslyn's PublicAPI.Shipped.txt listings write members.</summary>
public class PublicApiRendererTests
{
    private const string Ns = "Fidelity.Tests.Fixtures.Api";

    private static void AssertRenders(Type type, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), PublicApiRenderer.RenderType(type).Order(StringComparer.Ordinal));

    [Fact]
    public void A_class_renders_constructors_methods_accessors_fields_operators_events_and_indexers()
    {
        AssertRenders(typeof(Widget),
            $"{Ns}.Widget",
            $"{Ns}.Widget.Widget(string name = null, int size = 3, bool visible = false) -> void",
            $"{Ns}.Widget.Rename(string name) -> void",
            $"{Ns}.Widget.Describe() -> (string id, object state)",
            $"{Ns}.Widget.TryParse(string text, out int value, ref int attempts) -> bool",
            $"{Ns}.Widget.WaitAsync(System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken)) -> System.Threading.Tasks.Task<int>",
            $"{Ns}.Widget.Tint(System.ConsoleColor color = System.ConsoleColor.Red) -> void",
            $"override {Ns}.Widget.ToString() -> string",
            $"{Ns}.Widget.Reset() -> void",
            $"static {Ns}.Widget.implicit operator {Ns}.Widget(string name) -> {Ns}.Widget",
            $"{Ns}.Widget.Name.get -> string",
            $"{Ns}.Widget.Name.set -> void",
            $"{Ns}.Widget.Size.get -> int?",
            $"{Ns}.Widget.Label.get -> string",
            $"{Ns}.Widget.Label.init -> void",
            $"{Ns}.Widget.this[string key].get -> string",
            $"{Ns}.Widget.this[string key].set -> void",
            $"readonly {Ns}.Widget.Version -> int",
            $"static readonly {Ns}.Widget.Empty -> {Ns}.Widget",
            $"const {Ns}.Widget.Kind = \"widget\" -> string",
            $"{Ns}.Widget.Changed -> System.EventHandler");
    }

    [Fact]
    public void Generic_abstract_types_render_type_parameters_modifiers_and_protected_members_only()
    {
        AssertRenders(typeof(Shape<>),
            $"{Ns}.Shape<T>",
            $"{Ns}.Shape<T>.Shape() -> void",
            $"virtual {Ns}.Shape<T>.Map<U>(System.Func<T, U> map) -> U",
            $"{Ns}.Shape<T>.Touch() -> void",
            $"abstract {Ns}.Shape<T>.Area.get -> T");
        AssertRenders(typeof(Shape<>.Nested), $"{Ns}.Shape<T>.Nested", $"{Ns}.Shape<T>.Nested.Nested() -> void");
        AssertRenders(typeof(Square), $"{Ns}.Square", $"{Ns}.Square.Square() -> void", $"override {Ns}.Square.Area.get -> double");
    }

    [Fact]
    public void Extension_methods_render_this_and_params()
    {
        AssertRenders(typeof(WidgetExtensions),
            $"{Ns}.WidgetExtensions",
            $"static {Ns}.WidgetExtensions.Join(this {Ns}.Widget first, params {Ns}.Widget[] others) -> {Ns}.Widget");
    }

    [Fact]
    public void Enums_render_values_delegates_a_bare_type_line_and_interfaces_no_modifiers()
    {
        AssertRenders(typeof(Mode), $"{Ns}.Mode", $"{Ns}.Mode.Off = 0 -> {Ns}.Mode", $"{Ns}.Mode.On = 2 -> {Ns}.Mode");
        AssertRenders(typeof(WidgetCallback), $"{Ns}.WidgetCallback");
        AssertRenders(typeof(IWidgetSource),
            $"{Ns}.IWidgetSource",
            $"{Ns}.IWidgetSource.GetAsync(string name) -> System.Threading.Tasks.Task<{Ns}.Widget>",
            $"{Ns}.IWidgetSource.Name.get -> string");
    }

    [Fact]
    public void Record_synthesized_members_are_rendered_so_a_record_standing_in_for_a_class_shows_up()
    {
        var lines = PublicApiRenderer.RenderType(typeof(Point));

        Assert.Contains($"virtual {Ns}.Point.<Clone>$() -> {Ns}.Point", lines);
        Assert.Contains($"virtual {Ns}.Point.EqualityContract.get -> System.Type", lines);
        Assert.Contains($"{Ns}.Point.Deconstruct(out int X, out int Y) -> void", lines);
        Assert.Contains($"{Ns}.Point.X.init -> void", lines);
    }

    [Fact]
    public void Tuples_render_element_names_in_pre_order_and_value_tuples_past_seven_flatten()
    {
        Assert.Equal("(int a, (string b, bool c) inner)", TypeDisplay.Of(typeof((int, (string, bool))), ["a", "inner", "b", "c"]));
        Assert.Equal("(int, int, int, int, int, int, int, int)", TypeDisplay.Of(typeof((int, int, int, int, int, int, int, int))));
    }
}
