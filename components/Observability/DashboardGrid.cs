using System.Text.Json.Nodes;

namespace Infra.Components.Observability;

/// <summary>
/// Places dashboard widgets on CloudWatch's 24-column grid, left to right in rows, so they never overlap: a widget
/// that does not fit the row's remaining width starts the next row below the row's tallest widget.
/// </summary>
public sealed class DashboardGrid
{
    public const int Columns = 24;

    private readonly JsonArray _widgets = [];
    private int _x;
    private int _y;
    private int _rowHeight;

    public void Add(JsonObject widget, int width, int height)
    {
        if (width is < 1 or > Columns) throw new ArgumentOutOfRangeException(nameof(width), width, $"a widget is 1 to {Columns} columns wide");
        if (_x + width > Columns) NewRow();
        widget["x"] = _x;
        widget["y"] = _y;
        widget["width"] = width;
        widget["height"] = height;
        _widgets.Add(widget);
        _x += width;
        _rowHeight = Math.Max(_rowHeight, height);
    }

    /// <summary>Starts a new row (e.g. for a section) unless the current one is empty.</summary>
    public void NewRow()
    {
        if (_x == 0) return;
        _y += _rowHeight;
        _x = 0;
        _rowHeight = 0;
    }

    public JsonObject ToDashboard() => new() { ["widgets"] = _widgets.DeepClone() };
}
