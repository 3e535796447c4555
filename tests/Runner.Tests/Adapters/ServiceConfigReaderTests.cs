using Infra.Runner.Adapters;
using Infra.Runner.Rollout;

namespace Runner.Tests.Adapters;

public class ServiceConfigReaderTests
{
    [Fact]
    public void Reads_images_weights_live_color_and_running_flags()
    {
        const string json = """
            {"web": {"image": {"blue": "web:1", "green": "web:2"}, "liveColor": "green",
                     "weights": {"blue": "10", "green": 90}, "running": {"blue": "true", "green": true}}}
            """;

        var config = ServiceConfigReader.Read(json, "web");

        Assert.Equal(new ServiceConfig("web", DeployColor.Green, new TrafficWeights(10, 90), new ColorConfig("web:1", true), new ColorConfig("web:2", true)), config);
    }

    [Fact]
    public void Applies_the_settings_defaults_when_keys_are_absent()
    {
        var config = ServiceConfigReader.Read("""{"web": {"image": {"blue": "web:1"}}}""", "web");

        Assert.Equal(new ServiceConfig("web", DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue), new ColorConfig("web:1", true), new ColorConfig(null, false)), config);
    }

    [Fact]
    public void An_unknown_service_lists_the_configured_ones()
    {
        var error = Assert.Throws<RolloutInputException>(() => ServiceConfigReader.Read("""{"web": {}, "api": {}}""", "wbe"));

        Assert.Equal("infra:services has no service 'wbe'; it has: api, web", error.Message);
    }

    [Fact]
    public void A_weight_that_is_not_a_number_is_an_input_error()
    {
        var error = Assert.Throws<RolloutInputException>(() => ServiceConfigReader.Read("""{"web": {"weights": {"blue": "half"}}}""", "web"));

        Assert.Equal("infra:services.web.weights.blue must be a whole number, got 'half'", error.Message);
    }
}
