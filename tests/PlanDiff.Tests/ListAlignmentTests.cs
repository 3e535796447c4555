using System.Text.Json.Nodes;
using Infra.Runner.PlanDiff;

namespace PlanDiff.Tests;

/// <summary>How lists are paired item by item, so one inserted or removed item is one change.</summary>
public class ListAlignmentTests
{
    private static IReadOnlyList<PropertyChange> Diff(JsonObject before, JsonObject after) => JsonValueDiffer.Diff(before, after);

    private static IReadOnlyList<PropertyChange> Diff(string before, string after) =>
        Diff(JsonNode.Parse(before)!.AsObject(), JsonNode.Parse(after)!.AsObject());

    private static JsonObject List(string name, IEnumerable<JsonNode?> items) => new() { [name] = new JsonArray(items.ToArray()) };

    [Fact]
    public void One_item_removed_from_the_middle_of_a_long_list_is_one_change()
    {
        var alarms = Enumerable.Range(0, 30).Select(i => $"${{alarm-{i}.arn}}").ToList();

        var changes = Diff(
            List("alarms", alarms.Select(a => (JsonNode?)a)),
            List("alarms", alarms.Where(a => a != "${alarm-15.arn}").Select(a => (JsonNode?)a)));

        Assert.Equal([new PropertyChange("alarms[-15]", "\"${alarm-15.arn}\"", null)], changes);
    }

    [Fact]
    public void One_item_inserted_into_a_long_list_of_unnamed_objects_is_one_change()
    {
        JsonNode Statement(int i) => new JsonObject { ["Effect"] = "Allow", ["Action"] = $"logs:Action{i}" };
        var after = Enumerable.Range(0, 20).Select(Statement).ToList();
        after.Insert(3, new JsonObject { ["Effect"] = "Deny", ["Action"] = "*" });

        var changes = Diff(List("Statement", Enumerable.Range(0, 20).Select(Statement)), List("Statement", after));

        Assert.Equal([new PropertyChange("Statement[+3]", null, "{\"Effect\":\"Deny\",\"Action\":\"*\"}")], changes);
    }

    [Fact]
    public void Short_lists_changed_in_place_keep_their_indexes_and_appended_items_are_marked_added()
    {
        var changes = Diff("""{"subnets":["a","b"],"ports":[1]}""", """{"subnets":["a","c"],"ports":[1,2]}""");

        Assert.Equal(
            [new PropertyChange("ports[+1]", null, "2"), new PropertyChange("subnets[1]", "\"b\"", "\"c\"")],
            changes);
    }

    [Fact]
    public void Leftovers_in_equal_numbers_are_paired_by_position_naming_both_indexes_once_they_moved()
    {
        var changes = Diff("""{"items":["x","a","b","c","d","e"]}""", """{"items":["a","b","c","D","e"]}""");

        Assert.Equal(
            [new PropertyChange("items[-0]", "\"x\"", null), new PropertyChange("items[4>3]", "\"d\"", "\"D\"")],
            changes);
    }

    [Fact]
    public void Leftovers_in_unequal_numbers_without_a_name_are_removed_and_added_items()
    {
        var changes = Diff("""{"items":["a","b","c"]}""", """{"items":["a","x","y","c"]}""");

        Assert.Equal(
            [
                new PropertyChange("items[-1]", "\"b\"", null),
                new PropertyChange("items[+1]", null, "\"x\""),
                new PropertyChange("items[+2]", null, "\"y\""),
            ],
            changes);
    }

    [Fact]
    public void Named_items_are_matched_by_name_when_one_is_inserted_before_them()
    {
        var changes = Diff(
            """{"containerDefinitions":[{"name":"web","image":"web:1"},{"name":"proxy","image":"envoy:1"}]}""",
            """{"containerDefinitions":[{"name":"init","image":"init:1"},{"name":"web","image":"web:2"},{"name":"proxy","image":"envoy:1"}]}""");

        Assert.Equal(
            [
                new PropertyChange("containerDefinitions[name=web].image", "\"web:1\"", "\"web:2\""),
                new PropertyChange("containerDefinitions[name=init]", null, "{\"name\":\"init\",\"image\":\"init:1\"}"),
            ],
            changes);
    }

    [Fact]
    public void Named_items_that_keep_their_indexes_keep_plain_indexes()
    {
        var changes = Diff(
            """{"Statement":[{"Sid":"Read","Action":"s3:GetObject"},{"Sid":"Write","Action":"s3:PutObject"}]}""",
            """{"Statement":[{"Sid":"Read","Action":"s3:GetObject"},{"Sid":"Write","Action":"s3:*"}]}""");

        Assert.Equal([new PropertyChange("Statement[1].Action", "\"s3:PutObject\"", "\"s3:*\"")], changes);
    }

    [Fact]
    public void The_first_key_that_names_every_item_distinctly_is_used()
    {
        // "name" repeats, so the metric queries are matched by "id".
        var changes = Diff(
            """{"metricQueries":[{"id":"m1","name":"q"},{"id":"m2","name":"q"}]}""",
            """{"metricQueries":[{"id":"e1","name":"q"},{"id":"m1","name":"q"},{"id":"m2","name":"q"}]}""");

        Assert.Equal([new PropertyChange("metricQueries[id=e1]", null, "{\"id\":\"e1\",\"name\":\"q\"}")], changes);
    }

    [Fact]
    public void A_name_that_would_be_ambiguous_is_written_as_a_json_string()
    {
        var changes = Diff(
            """{"parameters":[{"name":"a","value":"1"},{"name":"log[min]","value":"1"}]}""",
            """{"parameters":[{"name":"log[min]","value":"2"}]}""");

        Assert.Equal(
            [
                new PropertyChange("parameters[name=a]", "{\"name\":\"a\",\"value\":\"1\"}", null),
                new PropertyChange("parameters[name=\"log[min]\"].value", "\"1\"", "\"2\""),
            ],
            changes);
    }

    [Fact]
    public void Reordered_named_items_show_as_one_order_change()
    {
        var changes = Diff(
            """{"Statement":[{"Sid":"Read","Action":"s3:GetObject"},{"Sid":"Write","Action":"s3:PutObject"}]}""",
            """{"Statement":[{"Sid":"Write","Action":"s3:PutObject"},{"Sid":"Read","Action":"s3:GetObject"}]}""");

        Assert.Equal([new PropertyChange("Statement[order by Sid]", "[\"Read\",\"Write\"]", "[\"Write\",\"Read\"]")], changes);
    }

    [Fact]
    public void Dashboard_widgets_after_a_removed_widget_are_matched_by_title_among_the_leftovers()
    {
        // The text widget has no title, so the whole list has no key; the widgets that moved all have one.
        JsonObject Widget(string title, int x) => new() { ["type"] = "metric", ["x"] = x, ["properties"] = new JsonObject { ["title"] = title } };
        JsonObject Body(params JsonObject[] metrics)
        {
            var text = new JsonObject { ["type"] = "text", ["x"] = 0, ["properties"] = new JsonObject { ["markdown"] = "## web" } };
            return new JsonObject { ["dashboardBody"] = new JsonObject { ["widgets"] = new JsonArray([text, .. metrics]) }.ToJsonString() };
        }

        var changes = Diff(
            Body(Widget("web: requests", 0), Widget("web: 5xx", 6), Widget("web: p95", 12)),
            Body(Widget("web: requests", 0), Widget("web: p95", 6)));

        Assert.Equal(
            [
                new PropertyChange(
                    "dashboardBody.widgets[properties.title=web: 5xx]",
                    "{\"type\":\"metric\",\"x\":6,\"properties\":{\"title\":\"web: 5xx\"}}",
                    null),
                new PropertyChange("dashboardBody.widgets[properties.title=web: p95].x", "12", "6"),
            ],
            changes);
    }
}
