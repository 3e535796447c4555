using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

/// <summary>
/// Issue 17: <c>infra:synthetics</c>, <c>infra:featureFlags</c>, <c>infra:featureFlagRollout</c> and
/// <c>infra:loadBalancer.accessLogs</c>: defaults per environment, and every rule's message word for word.
/// </summary>
public class ObservabilitySettingsTests
{
    private static StackBuilder Journeys(params JsonObject[] journeys) => StackBuilder.Staging().List("infra:synthetics", new JsonArray(journeys));

    private static StackBuilder Flags(StackBuilder builder, params JsonObject[] flags) => builder.List("infra:featureFlags", new JsonArray(flags));

    [Fact]
    public void A_journey_gets_the_defaults_and_its_steps_the_journeys_status()
    {
        var settings = Journeys(new JsonObject
        {
            ["name"] = "home", ["service"] = "web",
            ["steps"] = new JsonArray(new JsonObject { ["path"] = "/cart" }, new JsonObject { ["path"] = "/login", ["expectStatus"] = 302 }),
        }).Load().GetValidOrThrow();

        var journey = Assert.Single(settings.Synthetics);
        Assert.Equal(new SyntheticJourneySettings("home", null, "web", null, "5m", 200,
            ValueList.Of(new JourneyStep("/cart", 200), new JourneyStep("/login", 302)), false), journey);
        Assert.Equal("/", journey.StartPath);
        Assert.Equal(5, journey.EveryMinutes);
    }

    [Theory]
    [InlineData("1m", 1)]
    [InlineData("60m", 60)]
    [InlineData("1h", 60)]
    public void Every_takes_minutes_up_to_an_hour(string every, int minutes)
    {
        var settings = Journeys(new JsonObject { ["name"] = "home", ["url"] = "https://shop.example.com/", ["every"] = every }).Load().GetValidOrThrow();

        Assert.Equal(minutes, settings.Synthetics[0].EveryMinutes);
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("61m")]
    [InlineData("2h")]
    [InlineData("5 minutes")]
    public void Every_outside_a_minute_to_an_hour_is_refused(string every)
    {
        Expect.Error(Journeys(new JsonObject { ["name"] = "home", ["url"] = "https://shop.example.com/", ["every"] = every }),
            $"infra:synthetics[0].every: '{every}' is not allowed; use minutes from 1m to 60m, or 1h");
    }

    [Fact]
    public void A_journey_needs_exactly_one_of_url_or_service()
    {
        Expect.Error(Journeys(new JsonObject { ["name"] = "home" }),
            "infra:synthetics[0]: set url (an absolute http or https URL) or service (one of infra:services) and path");
        Expect.Error(Journeys(new JsonObject { ["name"] = "home", ["url"] = "https://a.example.com/", ["service"] = "web" }),
            "infra:synthetics[0]: only one of url or service");
    }

    [Fact]
    public void Url_path_service_and_steps_are_checked()
    {
        Expect.Errors(Journeys(
                new JsonObject { ["name"] = "a", ["url"] = "ftp://files.example.com/", ["path"] = "/x" },
                new JsonObject { ["name"] = "b", ["service"] = "shop", ["path"] = "health" },
                new JsonObject { ["name"] = "c", ["service"] = "web", ["expectStatus"] = 99, ["steps"] = new JsonArray(new JsonObject { ["path"] = "cart", ["expectStatus"] = 600 }) }),
            "Pulumi.staging.yaml: infra:synthetics[0].url: 'ftp://files.example.com/' is not an absolute http or https URL, e.g. https://shop.example.com/",
            "Pulumi.staging.yaml: infra:synthetics[0].path: only with service; put the path in url",
            "Pulumi.staging.yaml: infra:synthetics[1].path: 'health' is not allowed; a path starts with /, e.g. /health",
            "Pulumi.staging.yaml: infra:synthetics[1].service: 'shop' is not a service of this stack; use one of: web",
            "Pulumi.staging.yaml: infra:synthetics[2].expectStatus: 99 is out of range; allowed 100 to 599",
            "Pulumi.staging.yaml: infra:synthetics[2].steps[0].path: 'cart' is not allowed; a path starts with /, e.g. /health",
            "Pulumi.staging.yaml: infra:synthetics[2].steps[0].expectStatus: 600 is out of range; allowed 100 to 599");
    }

    [Fact]
    public void Names_are_required_short_lowercase_and_unique()
    {
        Expect.Errors(Journeys(
                new JsonObject { ["url"] = "https://a.example.com/" },
                new JsonObject { ["name"] = "Home", ["url"] = "https://a.example.com/" },
                new JsonObject { ["name"] = new string('a', 245), ["url"] = "https://a.example.com/" },
                new JsonObject { ["name"] = "cart", ["url"] = "https://a.example.com/" },
                new JsonObject { ["name"] = "cart", ["url"] = "https://a.example.com/" }),
            "Pulumi.staging.yaml: infra:synthetics[0].name: required; a short lowercase name such as checkout",
            "Pulumi.staging.yaml: infra:synthetics[1].name: 'Home' is not allowed; use lowercase letters, digits and hyphens, starting with a letter or digit",
            $"Pulumi.staging.yaml: infra:synthetics[2].name: '{new string('a', 97)}...' (245 characters) is too long: the DR region's canary name staging-dr-{new string('a', 245)} has 256 characters and AWS allows 255; shorten the name",
            "Pulumi.staging.yaml: infra:synthetics[4].name: 'cart' is used by another journey; journey names must be unique");
    }

    [Fact]
    public void A_stack_name_a_canary_name_may_not_carry_is_named()
    {
        Expect.Error(StackBuilder.Staging("Staging.eu").List("infra:synthetics", new JsonArray(new JsonObject { ["name"] = "home", ["url"] = "https://a.example.com/" })),
            "infra:synthetics[0].name: the canary name Staging.eu-home is not allowed: the stack name 'Staging.eu' has characters a canary name may not have; AWS allows lowercase letters, digits, hyphens and underscores");
    }

    [Fact]
    public void Over_https_a_journey_of_a_service_without_a_host_is_refused()
    {
        var builder = StackBuilder.Production().List("infra:synthetics", new JsonArray(new JsonObject { ["name"] = "home", ["service"] = "web" }));

        Expect.Error(builder,
            "infra:synthetics[0].service: service 'web' has no host, and over HTTPS the load balancer's DNS name does not match the certificate; set infra:services.web.host or give the journey a url");
    }

    [Fact]
    public void An_unknown_journey_key_is_named()
    {
        Expect.Error(Journeys(new JsonObject { ["name"] = "home", ["url"] = "https://a.example.com/", ["gates"] = true }),
            "infra:synthetics[0].gates: unknown key; did you mean 'gate'?");
    }

    [Fact]
    public void A_flag_binds_with_its_attributes()
    {
        var settings = Flags(StackBuilder.Staging(), new JsonObject
        {
            ["name"] = "new_checkout", ["enabled"] = true,
            ["attributes"] = new JsonObject { ["percentage"] = 12.5, ["userGroups"] = new JsonArray("staff") },
        }).Load().GetValidOrThrow();

        Assert.Equal(new FeatureFlagSettings("new_checkout", true, ValueList<string>.Empty, 12.5, ValueList.Of("staff")), Assert.Single(settings.FeatureFlags));
    }

    [Fact]
    public void Flag_names_are_AppConfig_flag_keys_and_unique()
    {
        Expect.Errors(Flags(StackBuilder.Staging(),
                new JsonObject { ["enabled"] = true },
                new JsonObject { ["name"] = "NewCheckout" },
                new JsonObject { ["name"] = "9lives" },
                new JsonObject { ["name"] = "dark-mode_v2" },
                new JsonObject { ["name"] = "dark-mode_v2" }),
            "Pulumi.staging.yaml: infra:featureFlags[0].name: required; an AppConfig flag key such as new_checkout",
            "Pulumi.staging.yaml: infra:featureFlags[1].name: 'NewCheckout' is not an AppConfig flag key; start with a lowercase letter, then up to 63 letters, digits, _ or -",
            "Pulumi.staging.yaml: infra:featureFlags[2].name: '9lives' is not an AppConfig flag key; start with a lowercase letter, then up to 63 letters, digits, _ or -",
            "Pulumi.staging.yaml: infra:featureFlags[4].name: 'dark-mode_v2' is declared twice; flag names must be unique");
    }

    [Theory]
    [InlineData(-1, "-1")]
    [InlineData(100.5, "100.5")]
    public void A_percentage_is_0_to_100(double percentage, string shown)
    {
        Expect.Error(Flags(StackBuilder.Staging(), new JsonObject { ["name"] = "beta", ["attributes"] = new JsonObject { ["percentage"] = percentage } }),
            $"infra:featureFlags[0].attributes.percentage: {shown} is out of range; allowed 0 to 100");
    }

    [Fact]
    public void User_groups_and_services_are_checked()
    {
        Expect.Errors(Flags(StackBuilder.Staging(),
                new JsonObject { ["name"] = "a", ["services"] = new JsonArray("shop"), ["attributes"] = new JsonObject { ["userGroups"] = new JsonArray() } },
                new JsonObject { ["name"] = "b", ["attributes"] = new JsonObject { ["userGroups"] = new JsonArray("staff", new string('g', 65)), ["colour"] = "red" } }),
            "Pulumi.staging.yaml: infra:featureFlags[1].attributes.colour: unknown key; allowed keys are percentage, userGroups",
            "Pulumi.staging.yaml: infra:featureFlags[0].services[0]: 'shop' is not a service of this stack; use one of: web",
            "Pulumi.staging.yaml: infra:featureFlags[0].attributes.userGroups: empty; list at least one group, or leave userGroups out",
            $"Pulumi.staging.yaml: infra:featureFlags[1].attributes.userGroups[1]: '{new string('g', 65)}' is not allowed; a group name has 1 to 64 characters");
    }

    [Fact]
    public void The_flag_rollout_defaults_per_environment_and_its_ranges()
    {
        Assert.Equal(new FeatureFlagRolloutSettings(FlagRolloutStrategy.Linear, 0, 0, 20), StackBuilder.Staging().Load().GetValidOrThrow().FeatureFlagRollout);
        Assert.Equal(new FeatureFlagRolloutSettings(FlagRolloutStrategy.Linear, 10, 10, 20), StackBuilder.Production().Load().GetValidOrThrow().FeatureFlagRollout);
        Expect.Errors(StackBuilder.Staging()
                .Set("infra:featureFlagRollout", "strategy", "bluegreen")
                .Set("infra:featureFlagRollout", "durationMinutes", 1441)
                .Set("infra:featureFlagRollout", "bakeMinutes", -1)
                .Set("infra:featureFlagRollout", "growthPercent", 0.5),
            "Pulumi.staging.yaml: infra:featureFlagRollout.strategy: 'bluegreen' is not allowed; use one of: linear, canary",
            "Pulumi.staging.yaml: infra:featureFlagRollout.durationMinutes: 1441 is out of range; allowed 0 to 1440",
            "Pulumi.staging.yaml: infra:featureFlagRollout.bakeMinutes: -1 is out of range; allowed 0 to 1440",
            "Pulumi.staging.yaml: infra:featureFlagRollout.growthPercent: 0.5 is out of range; allowed 1 to 100");
    }

    [Fact]
    public void Access_logs_are_on_in_production_only_unless_told_and_keep_1_to_3650_days()
    {
        Assert.Equal(new AccessLogSettings(false, 90), StackBuilder.Staging().Load().GetValidOrThrow().LoadBalancer.AccessLogs);
        Assert.Equal(new AccessLogSettings(true, 90), StackBuilder.Production().Load().GetValidOrThrow().LoadBalancer.AccessLogs);
        Expect.Error(StackBuilder.Staging().Set("infra:loadBalancer", "accessLogs.retentionDays", 0),
            "infra:loadBalancer.accessLogs.retentionDays: 0 is out of range; allowed 1 to 3650");
    }

    [Fact]
    public void Access_logs_are_refused_in_a_region_without_a_documented_log_writer()
    {
        var supported = "af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, " +
            "ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, ap-southeast-6, ap-southeast-7, ca-central-1, " +
            "ca-west-1, cn-north-1, cn-northwest-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, " +
            "eu-west-3, il-central-1, me-central-1, me-south-1, mx-central-1, sa-east-1, us-east-1, us-east-2, us-gov-east-1, us-gov-west-1, " +
            "us-west-1, us-west-2";
        Expect.Error(StackBuilder.Staging().Scalar("aws:region", "us-iso-east-1").Set("infra:loadBalancer", "accessLogs.enabled", true),
            $"infra:loadBalancer.accessLogs.enabled: AWS documents no load-balancer log delivery for 'us-iso-east-1' (aws:region); set it to false there, or use one of: {supported}");
        // Regions opened since August 2022 deliver through the service principal: allowed.
        Assert.True(StackBuilder.Staging().Scalar("aws:region", "eu-central-2").Set("infra:loadBalancer", "accessLogs.enabled", true).Load().Settings is not null);
    }
}
