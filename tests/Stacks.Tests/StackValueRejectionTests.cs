using System.Text.RegularExpressions;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Tests;

/// <summary>Values the plan used to accept and declare, each now one message naming the key, the value and the allowed form.</summary>
public class StackValueRejectionTests
{
    private const string Staging = MinimalStack.Staging;

    private static void ExpectErrors(string yaml, params string[] messages)
    {
        var result = Expect.Yaml("staging", yaml);

        Assert.Equal(messages, result.Errors);
        Assert.Null(result.Settings);
    }

    [Fact]
    public void A_misspelled_namespace_gets_a_did_you_mean() =>
        ExpectErrors(Staging.Replace("infra:environment", "infr:environment"),
            "Pulumi.staging.yaml: infr:environment: unknown namespace 'infr'; did you mean 'infra'?",
            "Pulumi.staging.yaml: infra:environment: required; use one of: staging, production");

    [Fact]
    public void A_namespace_without_a_close_match_lists_the_allowed_ones() =>
        ExpectErrors(Staging + "\n  random:seed: 1\n",
            "Pulumi.staging.yaml: random:seed: unknown namespace 'random'; allowed namespaces are infra, aws");

    [Fact]
    public void Region_names_must_exist_not_only_look_like_regions() =>
        ExpectErrors(Staging.Replace("eu-west-1", "eu-west-9") + "\n  infra:drRegion: us-east-7\n",
            "Pulumi.staging.yaml: aws:region: 'eu-west-9' is not an AWS region; expected an existing region name such as eu-west-1",
            "Pulumi.staging.yaml: infra:drRegion: 'us-east-7' is not an AWS region; expected an existing region name such as eu-west-1");

    [Fact]
    public void Region_list_is_the_pinned_providers_region_enum()
    {
        var typings = Path.Combine(RepoFiles.Root, ".cache", "npm", "pulumi-aws-7.48.0", "package", "types", "enums", "index.d.ts");
        var text = File.ReadAllText(typings);
        var block = text[text.IndexOf("export declare const Region: {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("};", StringComparison.Ordinal)];

        var regions = Regex.Matches(block, "readonly \\w+: \"([a-z0-9-]+)\";").Select(m => m.Groups[1].Value);

        Assert.Equal(regions.Order(), AwsRegions.All.Order());
    }

    [Fact]
    public void An_image_that_is_not_an_oci_reference_is_rejected() =>
        ExpectErrors(Staging.Replace("repo/web:1", "Web Image:!!latest"),
            "Pulumi.staging.yaml: infra:services.web.image.blue: 'Web Image:!!latest' is not an image reference; expected " +
            "[registry[:port]/]name[:tag][@sha256:<64 hex digits>], e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2");

    [Theory]
    [InlineData("web")]
    [InlineData("repo/web:1.4.2")]
    [InlineData("localhost:5000/team/web_api:v1")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("public.ecr.aws/nginx/nginx:1.27-alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Valid_image_references_pass(string image) => Assert.True(ImageReference.IsValid(image));

    [Theory]
    [InlineData("Web")]
    [InlineData("web:")]
    [InlineData("web:-tag")]
    [InlineData("web@sha256:abc")]
    [InlineData("registry..example.com/web")]
    [InlineData("web//api")]
    public void Invalid_image_references_fail(string image) => Assert.False(ImageReference.IsValid(image));

    [Fact]
    public void A_tag_longer_than_128_characters_is_invalid()
    {
        Assert.True(ImageReference.IsValid("web:" + new string('a', 128)));
        Assert.False(ImageReference.IsValid("web:" + new string('a', 129)));
    }

    [Fact]
    public void A_health_check_path_over_the_load_balancers_limit_is_rejected_abbreviated()
    {
        var path = "/" + new string('h', 1999);

        ExpectErrors(Staging + $"\n      healthCheck:\n        path: {path}\n",
            $"Pulumi.staging.yaml: infra:services.web.healthCheck.path: '/{new string('h', 96)}...' (2000 characters) is 2000 characters; " +
            "the load balancer allows at most 1024");
    }

    [Fact]
    public void A_path_pattern_over_128_characters_is_rejected()
    {
        var pattern = "/" + new string('p', 128);

        ExpectErrors(Staging + $"\n      pathPattern: {pattern}\n",
            $"Pulumi.staging.yaml: infra:services.web.pathPattern: '{pattern[..97]}...' (129 characters) is 129 characters; " +
            "the load balancer allows at most 128");
    }

    [Fact]
    public void Environment_variable_names_ecs_would_reject_are_errors() =>
        ExpectErrors(Staging + "\n      environment:\n        \"LOG LEVEL=\": info\n        1ST: x\n      secrets:\n        DB-PASSWORD: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\n",
            "Pulumi.staging.yaml: infra:services.web.environment.LOG LEVEL=: 'LOG LEVEL=' is not an environment variable name; use letters, digits and _, not starting with a digit",
            "Pulumi.staging.yaml: infra:services.web.environment.1ST: '1ST' is not an environment variable name; use letters, digits and _, not starting with a digit",
            "Pulumi.staging.yaml: infra:services.web.secrets.DB-PASSWORD: 'DB-PASSWORD' is not an environment variable name; use letters, digits and _, not starting with a digit");

    [Fact]
    public void Environment_values_past_the_task_definition_limit_are_rejected()
    {
        // Two values of 40,000 characters: each within any single limit, together past 60 KiB.
        var big = new string('v', 40_000);
        var entryBytes = "{\"name\":\"A\",\"value\":\"\"},".Length + 40_000;

        ExpectErrors(Staging + $"\n      environment:\n        A: {big}\n        B: {big}\n",
            $"Pulumi.staging.yaml: infra:services.web.environment: environment and secrets take {2 * entryBytes} bytes of the task definition; " +
            "at most 61440 (60 KiB), because ECS allows 65536 bytes (64 KiB) per task definition; keep large values in Secrets Manager or S3");
    }

    [Fact]
    public void A_five_megabyte_value_is_stopped_by_the_file_size_limit()
    {
        var yaml = Staging + $"\n      environment:\n        A: {new string('v', 5 * 1024 * 1024)}\n";

        var result = Expect.Yaml("staging", yaml);

        Assert.Equal([$"Pulumi.staging.yaml: {yaml.Length} bytes; a stack file may have at most 262144 bytes (256 KiB)"], result.Errors);
    }
}
