using System.Text.Json.Nodes;
using Infra.Runner.PlanDiff;

namespace PlanDiff.Tests;

public class JsonValueDifferTests
{
    private static IReadOnlyList<PropertyChange> Diff(string before, string after) =>
        JsonValueDiffer.Diff(JsonNode.Parse(before)!.AsObject(), JsonNode.Parse(after)!.AsObject());

    [Fact]
    public void Nested_objects_are_compared_by_dotted_path_in_key_order()
    {
        var changes = Diff(
            """{"z":1,"healthCheck":{"path":"/a","interval":30}}""",
            """{"z":2,"healthCheck":{"path":"/b","interval":30}}""");

        Assert.Equal([new PropertyChange("healthCheck.path", "\"/a\"", "\"/b\""), new PropertyChange("z", "1", "2")], changes);
    }

    [Fact]
    public void A_json_string_input_is_compared_inside_the_document()
    {
        var changes = Diff(
            """{"dashboardBody":"{\"widgets\":[{\"x\":0,\"title\":\"p95\"}]}"}""",
            """{"dashboardBody":"{\"widgets\":[{\"x\":12,\"title\":\"p95\"}]}"}""");

        Assert.Equal([new PropertyChange("dashboardBody.widgets[0].x", "0", "12")], changes);
    }

    [Fact]
    public void A_string_that_only_looks_like_json_is_compared_whole()
    {
        var changes = Diff("""{"note":"[draft"}""", """{"note":"[final"}""");

        Assert.Equal([new PropertyChange("note", "\"[draft\"", "\"[final\"")], changes);
    }

    [Fact]
    public void Equal_secrets_are_equal_and_a_secret_replacing_a_plain_value_shows_the_marker_only()
    {
        var changes = Diff("""{"password":"[secret]","token":"abc"}""", """{"password":"[secret]","token":"[secret]"}""");

        Assert.Equal([new PropertyChange("token", "\"abc\"", "\"[secret]\"")], changes);
    }

    [Fact]
    public void An_absent_key_differs_from_a_null_value()
    {
        var changes = Diff("""{"a":null}""", """{}""");

        Assert.Equal([new PropertyChange("a", "null", null)], changes);
    }

    [Fact]
    public void Keys_with_dots_or_spaces_are_quoted_in_the_path()
    {
        var changes = Diff("""{"tags":{"kubernetes.io/role":"a","Cost Center":"x"}}""", """{"tags":{"kubernetes.io/role":"b","Cost Center":"y"}}""");

        Assert.Equal(
            [
                new PropertyChange("tags[\"Cost Center\"]", "\"x\"", "\"y\""),
                new PropertyChange("tags[\"kubernetes.io/role\"]", "\"a\"", "\"b\""),
            ],
            changes);
    }

    [Fact]
    public void Values_render_as_compact_json_without_escaping_html_characters()
    {
        var changes = Diff("""{"policy":{"a":1}}""", """{"policy":"<b>+1</b>"}""");

        Assert.Equal([new PropertyChange("policy", "{\"a\":1}", "\"<b>+1</b>\"")], changes);
    }
}
