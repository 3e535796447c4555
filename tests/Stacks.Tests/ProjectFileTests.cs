using Infra.Stacks.Loading;
using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Tests;

/// <summary>Pulumi.yaml documents every key the stack files use, so the examples never outgrow the docs.</summary>
public class ProjectFileTests
{
    private static YamlMappingNode ProjectConfig()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepoFiles.ProjectFile)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal("infra", root["name"].ToString());
        Assert.Equal("dotnet", root["runtime"].ToString());
        Assert.Equal("infra/", root["main"].ToString());
        return (YamlMappingNode)root["config"];
    }

    [Fact]
    public void Every_project_key_is_declared_with_a_description()
    {
        var config = ProjectConfig();

        var declared = config.Children.Keys.Select(k => k.ToString()).ToList();
        Assert.Equal(ConfigKeys.TopLevel.Where(k => k != ConfigKeys.AwsRegion), declared);
        Assert.All(config.Children.Values, v => Assert.NotEmpty(((YamlMappingNode)v)["description"].ToString()));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Every_field_the_stack_file_sets_is_named_in_its_keys_description(string stack)
    {
        var config = ProjectConfig();
        var (values, _) = PulumiConfigEmulator.FromStackFile(RepoFiles.StackFile(stack));
        var document = ConfigValues.Parse(stack, stack, values, new HashSet<string>());

        foreach (var (key, node) in document.Config.Entries.Where(e => e.Value is ConfigMap))
        {
            var description = ((YamlMappingNode)config[key])["description"].ToString();
            foreach (var field in FieldNames(node, key == ConfigKeys.Services || key == ConfigKeys.Alarms))
                Assert.True(description.Contains(field, StringComparison.Ordinal), $"{key} does not document '{field}'");
        }
    }

    // Under services and alarms the first level is a user-chosen name, not a field.
    private static IEnumerable<string> FieldNames(ConfigNode node, bool skipNames) => node switch
    {
        ConfigMap map when skipNames => map.Entries.SelectMany(e => FieldNames(e.Value, false)),
        ConfigMap map => map.Entries.SelectMany(e => IsUserChosen(e.Key) ? [] : FieldNames(e.Value, false).Prepend(e.Key)),
        ConfigList list => list.Items.SelectMany(i => FieldNames(i, false)),
        _ => [],
    };

    // Environment variable names (LOG_LEVEL, DB_PASSWORD) are the user's, not fields.
    private static bool IsUserChosen(string key) => key.All(c => char.IsUpper(c) || c == '_' || char.IsDigit(c));
}
