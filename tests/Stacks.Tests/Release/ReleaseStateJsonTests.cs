using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests.Release;

public class ReleaseStateJsonTests
{
    private const string Web =
        """{"liveColor":"blue","weights":{"blue":100,"green":0},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}""";

    [Fact]
    public void Serializes_to_the_stable_document_with_services_in_ordinal_order()
    {
        var state = ReleaseState.Empty
            .With("web", ReleaseStateTests.BlueLive("web:1"))
            .With("api", new ServiceRelease(Color.Green, new ColorPair<int>(10, 90), new ColorPair<string?>("api:1", "api:2"), new ColorPair<bool>(true, true)));

        Assert.Equal(
            """{"services":{"api":{"liveColor":"green","weights":{"blue":10,"green":90},"image":{"blue":"api:1","green":"api:2"},"running":{"blue":true,"green":true}},""" +
            "\"web\":" + Web + "}}",
            ReleaseStateJson.Serialize(state));
    }

    /// <summary>The promotion lives in the ledger's dr item now; a document an older version wrote it into keeps it through every rewrite.</summary>
    [Fact]
    public void An_older_documents_dr_promotion_is_read_and_written_back_unchanged()
    {
        var promoted = ReleaseState.Empty.With("web", ReleaseStateTests.BlueLive("web:1")) with { DrPromoted = true };

        var json = ReleaseStateJson.Serialize(promoted);

        Assert.Equal("{\"services\":{\"web\":" + Web + "},\"drPromoted\":true}", json);
        Assert.Equal(promoted, ReleaseStateJson.Deserialize(json));
        Assert.True(ReleaseStateJson.Deserialize(json).DrPromoted);
    }

    [Fact]
    public void The_mark_for_older_code_is_read_and_written_back_unchanged_and_decides_nothing()
    {
        var marked = ReleaseState.Empty.With("web", ReleaseStateTests.BlueLive("web:1")) with { DrPromotedPerDrItem = true };

        var json = ReleaseStateJson.Serialize(marked);

        Assert.Equal("{\"services\":{\"web\":" + Web + "},\"drPromotedPerDrItem\":true}", json);
        Assert.Equal(marked, ReleaseStateJson.Deserialize(json));
        Assert.False(ReleaseStateJson.Deserialize(json).DrPromoted);
        Assert.NotEqual(marked with { DrPromotedPerDrItem = false }, ReleaseStateJson.Deserialize(json));
        Assert.Equal("{\"services\":{},\"drPromoted\":true,\"drPromotedPerDrItem\":true}",
            ReleaseStateJson.Serialize(ReleaseState.Empty with { DrPromoted = true, DrPromotedPerDrItem = true }));
    }

    /// <summary>
    /// The point of the mark: every reader before it (844c0c0 to 87df16f) took the root keys services and drPromoted only
    /// and threw "unknown key" for any other, through the same <c>Fields</c> rule as today. A marked document from today's
    /// writer has exactly one root key outside that set, so those readers stop on it; a document without the mark has none.
    /// </summary>
    [Fact]
    public void A_marked_document_has_a_root_key_every_older_reader_refuses_and_an_unmarked_one_has_none()
    {
        string[] olderRootKeys = ["services", "drPromoted"];
        var state = ReleaseState.Empty.With("web", ReleaseStateTests.BlueLive("web:1")) with { DrPromoted = true };

        Assert.Equal(["drPromotedPerDrItem"], RootKeys(ReleaseStateJson.Serialize(state with { DrPromotedPerDrItem = true })).Except(olderRootKeys));
        Assert.Empty(RootKeys(ReleaseStateJson.Serialize(state)).Except(olderRootKeys));
    }

    private static IEnumerable<string> RootKeys(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void A_document_without_the_dr_promotion_reads_as_not_promoted()
    {
        var state = ReleaseStateJson.Deserialize("{\"services\":{\"web\":" + Web + "}}");

        Assert.False(state.DrPromoted);
        Assert.Equal(ReleaseState.Empty.With("web", ReleaseStateTests.BlueLive("web:1")), state);
    }

    [Fact]
    public void Round_trips()
    {
        var state = ReleaseState.Empty.With("web", ReleaseStateTests.BlueLive("web:1"));

        Assert.Equal(state, ReleaseStateJson.Deserialize(ReleaseStateJson.Serialize(state)));
        Assert.Equal(ReleaseState.Empty, ReleaseStateJson.Deserialize("""{"services":{}}"""));
    }

    [Fact]
    public void Serialize_refuses_a_state_it_could_not_read_back()
    {
        var bad = ReleaseStateTests.BlueLive("web:1") with { Weights = new ColorPair<int>(60, 50) };

        var e = Assert.Throws<ReleaseStateFormatException>(() => ReleaseStateJson.Serialize(ReleaseState.Empty.With("web", bad)));

        Assert.Equal("release state $.services.web.weights: found blue 60 + green 50 = 110; expected weights that sum to 100", e.Message);
    }

    [Theory]
    [InlineData("""{"services":{"web":{"liveColor":"red","weights":{"blue":100,"green":0},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.liveColor", """release state $.services.web.liveColor: found "red"; expected blue or green""")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":60,"green":50},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.weights", "release state $.services.web.weights: found blue 60 + green 50 = 110; expected weights that sum to 100")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":"100","green":0},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.weights.blue", """release state $.services.web.weights.blue: found "100"; expected an integer from 0 to 100""")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":100.5,"green":0},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.weights.blue", "release state $.services.web.weights.blue: found 100.5; expected an integer from 0 to 100")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":110,"green":-10},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.weights.blue", "release state $.services.web.weights.blue: found 110; expected an integer from 0 to 100")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":100,"green":0},"image":{"blue":"","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.image.blue", """release state $.services.web.image.blue: found ""; expected a non-empty string or null""")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":100,"green":0},"image":{"blue":"web:1","green":null},"running":{"blue":"yes","green":false}}}}""",
        "$.services.web.running.blue", """release state $.services.web.running.blue: found "yes"; expected true or false""")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":100,"green":0},"image":{"blue":"web:1","green":null}}}}""",
        "$.services.web.running", "release state $.services.web.running: missing; expected an object with booleans blue and green")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":100},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.weights.green", "release state $.services.web.weights.green: missing; expected an integer from 0 to 100")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","colour":"blue","weights":{"blue":100,"green":0},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.colour", """release state $.services.web.colour: unknown key, found "blue"; expected only the keys liveColor, weights, image, running""")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","weights":{"blue":100,"green":0,"red":0},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.weights.red", "release state $.services.web.weights.red: unknown key, found 0; expected only the keys blue, green")]
    [InlineData("""{"services":{"web":{"liveColor":"blue","liveColor":"green","weights":{"blue":100,"green":0},"image":{"blue":"web:1","green":null},"running":{"blue":true,"green":false}}}}""",
        "$.services.web.liveColor", """release state $.services.web.liveColor: duplicate key, found "green"; expected each key once""")]
    [InlineData("""{"services":{"web":["a very long list of things that goes on and on"]}}""",
        "$.services.web", """release state $.services.web: found ["a very long list of things that goe...; expected an object with the keys liveColor, weights, image, running""")]
    [InlineData("""{"services":{"my web":3}}""",
        "$.services[\"my web\"]", """release state $.services["my web"]: found 3; expected an object with the keys liveColor, weights, image, running""")]
    [InlineData("""{"services":[]}""", "$.services", "release state $.services: found []; expected an object of services by name")]
    [InlineData("""{"version":3,"services":{}}""", "$.version", "release state $.version: unknown key, found 3; expected only the keys services, drPromoted, drPromotedPerDrItem")]
    [InlineData("""{"services":{},"drPromoted":"yes"}""", "$.drPromoted", """release state $.drPromoted: found "yes"; expected true or false""")]
    [InlineData("""{"services":{},"drPromoted":null}""", "$.drPromoted", "release state $.drPromoted: found null; expected true or false")]
    [InlineData("""{"services":{},"drPromoted":true,"drPromoted":false}""", "$.drPromoted", "release state $.drPromoted: duplicate key, found false; expected each key once")]
    [InlineData("""{"services":{},"drPromotedPerDrItem":1}""", "$.drPromotedPerDrItem", "release state $.drPromotedPerDrItem: found 1; expected true or false")]
    [InlineData("""{}""", "$.services", "release state $.services: missing; expected an object of services by name")]
    [InlineData("""null""", "$", "release state $: found null; expected an object with the key services")]
    public void Refuses_a_document_of_the_wrong_shape_naming_path_value_and_what_is_allowed(string json, string path, string message)
    {
        var e = Assert.Throws<ReleaseStateFormatException>(() => ReleaseStateJson.Deserialize(json));

        Assert.Equal(message, e.Message);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Refuses_text_that_is_not_json()
    {
        var e = Assert.Throws<ReleaseStateFormatException>(() => ReleaseStateJson.Deserialize("{\"services\":"));

        Assert.Equal("$", e.Path);
        Assert.StartsWith("release state $: not valid JSON (", e.Message);
        Assert.EndsWith("); expected an object with the key services", e.Message);
    }
}
