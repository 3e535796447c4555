using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

public class ConventionsTests
{
    private readonly Naming _naming = new("infra", "production");

    [Fact]
    public void Prefix_and_resource_names_start_with_project_and_stack()
    {
        Assert.Equal("infra-production", _naming.Prefix);
        Assert.Equal("infra-production-web-blue", _naming.Resource("web", "blue"));
    }

    [Fact]
    public void Alarm_names_include_service_and_color_where_they_apply()
    {
        Assert.Equal("infra-production-web-green-unhealthy-hosts", _naming.AlarmName("web", Color.Green, "unhealthy-hosts"));
        Assert.Equal("infra-production-web-error-rate", _naming.AlarmName("web", null, "error-rate"));
        Assert.Equal("infra-production-replica-lag", _naming.AlarmName(null, null, "replica-lag"));
    }

    [Fact]
    public void Long_alarm_names_are_cut_to_255_and_stay_distinct_and_deterministic()
    {
        var first = _naming.AlarmName(new string('a', 300), Color.Blue, "x");
        var second = _naming.AlarmName(new string('a', 300), Color.Green, "x");

        Assert.Equal(Naming.MaxAlarmNameLength, first.Length);
        Assert.Equal(Naming.MaxAlarmNameLength, second.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, _naming.AlarmName(new string('a', 300), Color.Blue, "x"));
        Assert.StartsWith("infra-production-aaaa", first);
    }

    [Fact]
    public void Default_tags_name_project_stack_environment_and_pulumi()
    {
        var settings = StackBuilder.Staging().Load().GetValidOrThrow();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Environment"] = "staging", ["ManagedBy"] = "pulumi", ["Project"] = "infra", ["Stack"] = "staging",
            },
            Tags.Default("infra", settings));
    }
}
