using Infra.Stacks.Loading;
using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Tests;

public class AliasBombTests
{
    // Nine lines that expand to 9^9 (387 million) strings if aliases are copied.
    private const string Bomb = """
        config:
          a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
          b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
          c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
          d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
          e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
          f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
          g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
          h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
          i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;

    [Fact]
    public void An_alias_bomb_is_rejected_at_the_key_where_it_passes_the_bound()
    {
        var result = Expect.Yaml("staging", Bomb);

        Assert.Equal(
            ["Pulumi.staging.yaml: infra:e: anchors and aliases expand the file past 10000 values or 1048576 characters; write the values out, or alias less"],
            result.Errors);
    }

    [Fact]
    public void Measuring_the_bomb_visits_each_distinct_node_once()
    {
        var root = (YamlMappingNode)StackYaml.Load("Pulumi.staging.yaml", Bomb)!;
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        var expansion = new AliasExpansion();

        var withinBounds = config.Children.Values.All(expansion.TryAdd);

        Assert.False(withinBounds);
        // a's list and its nine strings, then one list per level: never the expanded millions.
        Assert.True(expansion.Steps <= 10 + 8, $"{expansion.Steps} nodes measured");
    }

    [Fact]
    public void A_few_aliases_within_the_bound_are_fine()
    {
        var result = Expect.Yaml("staging",
            MinimalStack.Staging.Replace("image:", "image: &images") + "\n    api:\n      host: api.example.com\n      image: *images\n");

        Assert.Empty(result.Errors);
        Assert.Equal("repo/web:1", result.GetValidOrThrow().Service("api").Image.Blue);
    }

    [Fact]
    public void An_alias_of_its_own_enclosing_anchor_is_over_the_bound()
    {
        var root = (YamlMappingNode)StackYaml.Load("Pulumi.staging.yaml", "config:\n  a: &a [1, 2]\n")!;
        var list = (YamlSequenceNode)((YamlMappingNode)root.Children[new YamlScalarNode("config")]).Children[new YamlScalarNode("a")];
        list.Children.Add(list);

        Assert.False(new AliasExpansion().TryAdd(list));
    }
}
