using System.Text.Json.Nodes;
using Infra.Components.Observability;

namespace Infra.Tests.Components.Observability;

public class DashboardGridTests
{
    [Fact]
    public void Widgets_fill_a_row_then_wrap_below_its_tallest_widget()
    {
        var grid = new DashboardGrid();
        grid.Add(new JsonObject(), 16, 6);
        grid.Add(new JsonObject(), 8, 3);
        grid.Add(new JsonObject(), 12, 4);

        var boxes = grid.ToDashboard()["widgets"]!.AsArray()
            .Select(w => ((int)w!["x"]!, (int)w["y"]!, (int)w["width"]!, (int)w["height"]!));
        Assert.Equal([(0, 0, 16, 6), (16, 0, 8, 3), (0, 6, 12, 4)], boxes);
    }

    [Fact]
    public void New_row_starts_below_a_partly_filled_row_and_is_a_no_op_on_an_empty_one()
    {
        var grid = new DashboardGrid();
        grid.NewRow();
        grid.Add(new JsonObject(), 6, 2);
        grid.NewRow();
        grid.NewRow();
        grid.Add(new JsonObject(), 6, 2);

        Assert.Equal([0, 2], grid.ToDashboard()["widgets"]!.AsArray().Select(w => (int)w!["y"]!));
    }

    [Fact]
    public void Wider_than_the_grid_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DashboardGrid().Add(new JsonObject(), 25, 1));

        Assert.StartsWith("a widget is 1 to 24 columns wide", error.Message);
    }
}
