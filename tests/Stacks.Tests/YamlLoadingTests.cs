namespace Infra.Stacks.Tests;

public class YamlLoadingTests
{
    private const string ValidStaging = MinimalStack.Staging;

    [Fact]
    public void Misspelled_key_gets_a_did_you_mean()
    {
        var result = Expect.Yaml("staging", ValidStaging + "\n      imgae:\n        green: repo/web:2\n");

        Assert.Equal(["Pulumi.staging.yaml: infra:services.web.imgae: unknown key; did you mean 'image'?"], result.Errors);
    }

    [Fact]
    public void Misspelled_top_level_key_gets_a_did_you_mean()
    {
        var result = Expect.Yaml("staging", ValidStaging + "\n  infra:netwrok:\n    azCount: 2\n");

        Assert.Equal(["Pulumi.staging.yaml: infra:netwrok: unknown key; did you mean 'infra:network'?"], result.Errors);
    }

    [Fact]
    public void Unknown_key_without_a_close_match_lists_the_allowed_keys()
    {
        var result = Expect.Yaml("staging", ValidStaging + "\n  infra:dr:\n    failover: true\n");

        Assert.Equal(["Pulumi.staging.yaml: infra:dr.failover: unknown key; allowed keys are dns, replica, promote, pilotLight, certificateArn, replicatedRepositories, declareEcrReplication, rtoTargetMinutes, rpoTargetSeconds"],
            result.Errors);
    }

    [Fact]
    public void Keys_without_a_namespace_belong_to_the_project()
    {
        var result = Expect.Yaml("staging", ValidStaging.Replace("infra:environment", "environment"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Type_errors_name_the_key_the_expected_type_and_the_value()
    {
        var result = Expect.Yaml("staging", ValidStaging + """

                  cpu: lots
                  architecture: [arm64]
              infra:network:
                flowLogs: sometimes
                azCount: 2.5
              infra:rollout:
                steps: 10
            """);

        Assert.Equal(
            [
                "Pulumi.staging.yaml: infra:network.azCount: expected an integer, got '2.5'",
                "Pulumi.staging.yaml: infra:network.flowLogs: expected true or false, got 'sometimes'",
                "Pulumi.staging.yaml: infra:services.web.cpu: expected an integer, got 'lots'",
                "Pulumi.staging.yaml: infra:services.web.architecture: expected a string, got a list",
                "Pulumi.staging.yaml: infra:rollout.steps: expected a list, got '10'",
            ],
            result.Errors);
    }

    [Fact]
    public void A_map_expected_where_text_is_given()
    {
        var result = Expect.Yaml("staging", ValidStaging + "\n  infra:database: big\n");

        Assert.Equal(["Pulumi.staging.yaml: infra:database: expected a map, got 'big'"], result.Errors);
    }

    [Fact]
    public void Three_mistakes_give_exactly_three_messages_naming_key_value_and_allowed_range()
    {
        var result = Expect.Yaml("staging", """
            config:
              aws:region: eu-west-1
              infra:environment: staging
              infra:services:
                web:
                  image:
                    blue: repo/web:1
                    green: repo/web:2
                  weights:
                    blue: 70
                    green: 20
              infra:database:
                backupRetentionDays: 40
              infra:loadBalancer:
                testListenerPort: 443
            """);

        Assert.Equal(
            [
                "Pulumi.staging.yaml: infra:loadBalancer.testListenerPort: 443 is taken by the production listeners (80 and 443); choose another port, e.g. 8443",
                "Pulumi.staging.yaml: infra:services.web.weights: blue 70 + green 20 = 90, weights must sum to 100",
                "Pulumi.staging.yaml: infra:database.backupRetentionDays: 40 is out of range; allowed 1 to 35",
            ],
            result.Errors);
        Assert.Null(result.Settings);
    }

    [Fact]
    public void Exception_lists_every_problem_one_per_line()
    {
        var result = Expect.Yaml("staging", "config:\n  infra:environment: prod\n");

        var e = Assert.Throws<Loading.StackSettingsException>(result.GetValidOrThrow);

        Assert.Equal(string.Join(Environment.NewLine, result.Errors), e.Message);
        Assert.Equal(
            [
                "Pulumi.staging.yaml: infra:environment: 'prod' is not allowed; use one of: staging, production",
                "Pulumi.staging.yaml: aws:region: required; set the primary AWS region, e.g. eu-west-1",
                "Pulumi.staging.yaml: infra:services: required; define at least one service",
            ],
            e.Errors);
    }
}
