using Infra.Runner.PlanDiff;

namespace PlanDiff.Tests;

public class PlanReaderTests
{
    [Fact]
    public void Reads_every_field_of_the_contract()
    {
        var plan = PlanReader.Parse(PlanFixtures.Json("base"), "base");

        Assert.Equal(("infra", "production", "offline"), (plan.Project, plan.Stack, plan.Flavor));
        var replica = plan.Resources.Single(r => r.Urn == PlanFixtures.Replica);
        Assert.Equal("aws:rds/instance:Instance", replica.Type);
        Assert.Equal("db-replica", replica.Name);
        Assert.True(replica.Custom);
        Assert.True(replica.Protect);
        Assert.False(replica.RetainOnDelete);
        Assert.Equal("urn:pulumi:production::infra::pulumi:providers:aws::dr", replica.Provider);
        Assert.Equal("urn:pulumi:production::infra::infra:data:Database::db", replica.Parent);
        Assert.Equal("${aws:rds/instance:Instance::db.arn}", (string?)replica.Inputs["replicateSourceDb"]);
        Assert.Equal(["dbEndpoint", "url"], plan.Outputs.Select(o => o.Key));
    }

    [Fact]
    public void Invalid_json_names_the_source_and_the_position()
    {
        var error = Assert.Throws<PlanDiffException>(() => PlanReader.Parse("{\n  \"project\": ,\n}", "head.json"));

        Assert.Equal("head.json: not valid JSON (line 2, byte 14)", error.Message);
    }

    [Fact]
    public void A_plan_that_is_not_an_object_is_rejected()
    {
        var error = Assert.Throws<PlanDiffException>(() => PlanReader.Parse("[]", "base"));

        Assert.Equal("base: a plan must be a JSON object", error.Message);
    }

    [Fact]
    public void Every_missing_or_mistyped_field_is_reported()
    {
        const string json = """
            {"project":"infra","stack":7,"resources":[
              {"urn":"urn:a","type":"t","inputs":{}},
              {"urn":"urn:b","type":"t","name":"b","inputs":[],"protect":"yes","dependsOn":[1]},
              "x"
            ]}
            """;

        var error = Assert.Throws<PlanDiffException>(() => PlanReader.Parse(json, "base"));

        Assert.Equal(
            [
                "base: field 'stack' must be a string",
                "base: resources[0]: missing field 'name'",
                "base: resources[1]: field 'inputs' must be an object",
                "base: resources[1]: field 'protect' must be true or false",
                "base: resources[1]: field 'dependsOn' must be an array of strings",
                "base: resources[2]: must be an object",
            ],
            error.Problems);
    }

    [Fact]
    public void Missing_top_level_fields_are_reported()
    {
        var error = Assert.Throws<PlanDiffException>(() => PlanReader.Parse("{}", "base"));

        Assert.Equal(
            ["base: missing field 'project'", "base: missing field 'stack'", "base: missing field 'resources'"],
            error.Problems);
    }

    [Fact]
    public void A_duplicate_urn_is_rejected()
    {
        const string json = """
            {"project":"infra","stack":"s","resources":[
              {"urn":"urn:a","type":"t","name":"a","inputs":{}},
              {"urn":"urn:a","type":"t","name":"a","inputs":{}}
            ]}
            """;

        var error = Assert.Throws<PlanDiffException>(() => PlanReader.Parse(json, "base"));

        Assert.Equal("base: resources[1]: duplicate urn 'urn:a'", error.Message);
    }

    [Fact]
    public void Options_a_plan_omits_default_to_not_set()
    {
        var plan = PlanReader.Parse("""{"project":"p","stack":"s","resources":[{"urn":"u","type":"t","name":"n","inputs":{}}]}""", "base");

        var resource = Assert.Single(plan.Resources);
        Assert.Equal((true, null, null, false, false), (resource.Custom, resource.Parent, resource.Provider, resource.Protect, resource.RetainOnDelete));
        Assert.Empty(resource.IgnoreChanges);
        Assert.Empty(resource.DependsOn);
        Assert.Empty(plan.Outputs);
    }

    [Fact]
    public void A_missing_file_is_reported_as_not_found()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "no-such-plan.json");

        var error = Assert.Throws<PlanDiffException>(() => PlanReader.Load(path));

        Assert.Equal($"cannot read plan file '{path}': file not found", error.Message);
    }
}
