using System.Security.Cryptography;
using System.Text;
using Infra.Components.Conventions;
using Infra.Components.Functions;
using Infra.Components.Iam;
using Infra.Components.Observability.Catalog;
using Infra.Components.Storage;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.S3;
using Pulumi.Aws.Synthetics;
using Pulumi.Aws.Synthetics.Inputs;

namespace Infra.Components.Observability;

/// <summary>Inputs of <see cref="SyntheticJourneys"/>.</summary>
public sealed class SyntheticJourneysArgs
{
    /// <summary>The validated settings; <c>infra:synthetics</c> lists the journeys.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>Per service, the address its journeys start from (scheme and host: the service's host or the load balancer's DNS name).</summary>
    public required IReadOnlyDictionary<string, Output<string>> ServiceOrigins { get; init; }

    /// <summary>
    /// Where the canaries run, which names them (<see cref="SyntheticsAlarms.CanaryName"/>); the DR region's are
    /// declared with the DR region's provider. Default <see cref="AlarmRegion.Primary"/>.
    /// </summary>
    public AlarmRegion Region { get; init; } = AlarmRegion.Primary;
}

/// <summary>
/// One CloudWatch Synthetics canary per journey of <c>infra:synthetics</c> (their alarms are the catalog's, see
/// <c>SyntheticsAlarms</c>), with the artifacts bucket they write to (private, SSE-S3, kept 30 days), their execution
/// role (<see cref="SyntheticsPolicy"/>) and each canary's code: the journey script and its <see cref="JourneyDocument"/>
/// as an archive object, keyed by a hash of its content so a change updates the canary. Everything a canary uses is in
/// its own region (Synthetics reads the code from, and writes the artifacts to, a bucket of the canary's region), so
/// the DR region's journeys get their own bucket, code objects and role.
/// </summary>
public sealed class SyntheticJourneys : ComponentResource
{
    /// <summary>The Node.js Synthetics runtime the script is written for (Node.js 20, global fetch).</summary>
    public const string RuntimeVersion = "syn-nodejs-puppeteer-9.1";
    public const int ArtifactDays = 30;
    private const int TimeoutSeconds = 60;

    /// <summary>Per journey name.</summary>
    public IReadOnlyDictionary<string, Canary> Canaries { get; }

    public SyntheticJourneys(string name, SyntheticJourneysArgs args, ComponentResourceOptions? options = null)
        : base("infra:observability:SyntheticJourneys", name, options)
    {
        var settings = args.Settings;
        var child = new CustomResourceOptions { Parent = this };
        // The DR region's bucket goes at fail-back, with the artifacts of the promoted period still in it.
        var artifacts = PrivateBucket.Declare(this, $"{name}-artifacts", settings, ArtifactDays, retain: false,
            deleteObjectsWithBucket: args.Region == AlarmRegion.Dr);
        // A canary runs as a Lambda function.
        var roleArn = ServiceRole.Declare(this, $"{name}-role", $"{name}-permissions", "lambda.amazonaws.com",
            "Synthetics canaries write their artifacts and metrics",
            artifacts.Arn.Apply(arn => SyntheticsPolicy.For(arn).ToJson()),
            settings, $"{name}-role");
        var script = Path.Combine(LambdaSource.SyntheticJourney.Find(), "journey.js");

        Canaries = settings.Synthetics.ToDictionary(journey => journey.Name, journey =>
        {
            var canaryName = SyntheticsAlarms.CanaryName(settings, journey, args.Region);
            var document = JourneyDocument.For(journey);
            var code = new BucketObjectv2($"{name}-{journey.Name}-code", new BucketObjectv2Args
            {
                Bucket = artifacts.Name,
                Key = $"code/{journey.Name}/{ContentHash(File.ReadAllText(script), document)}.zip",
                ContentType = "application/zip",
                // The Node.js runtimes load the handler's module from nodejs/node_modules.
                Source = new AssetArchive(new Dictionary<string, AssetOrArchive>
                {
                    ["nodejs/node_modules/journey.js"] = new FileAsset(script),
                    ["nodejs/node_modules/journey.json"] = new StringAsset(document),
                }),
                Tags = StackConventions.Tags(settings, canaryName),
            }, child);
            var runConfig = new CanaryRunConfigArgs { TimeoutInSeconds = TimeoutSeconds };
            if (journey.Service is { } service) runConfig.EnvironmentVariables.Add("JOURNEY_ORIGIN", args.ServiceOrigins[service]);
            return new Canary($"{name}-{journey.Name}", new CanaryArgs
            {
                Name = canaryName,
                ArtifactS3Location = Output.Format($"s3://{artifacts.Name}/canary/{journey.Name}"),
                ArtifactConfig = new CanaryArtifactConfigArgs
                {
                    S3Encryption = new CanaryArtifactConfigS3EncryptionArgs { EncryptionMode = "SSE_S3" },
                },
                ExecutionRoleArn = roleArn,
                Handler = "journey.handler",
                RuntimeVersion = RuntimeVersion,
                S3Bucket = artifacts.Name,
                S3Key = code.Key,
                Schedule = new CanaryScheduleArgs { Expression = RateExpression(journey.EveryMinutes) },
                RunConfig = runConfig,
                StartCanary = true,
                SuccessRetentionPeriod = 7,
                FailureRetentionPeriod = 14,
                // Deleting a canary also deletes the Lambda function Synthetics made for it.
                DeleteLambda = true,
                Tags = StackConventions.Tags(settings, canaryName),
            }, child);
        });
        RegisterOutputs(new Dictionary<string, object?> { ["artifactBucket"] = artifacts.Name });
    }

    /// <summary>Synthetics' schedule expression: <c>rate(1 minute)</c>, <c>rate(5 minutes)</c>.</summary>
    public static string RateExpression(int minutes) => minutes == 1 ? "rate(1 minute)" : $"rate({minutes} minutes)";

    private static string ContentHash(string script, string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script + "\n" + document)))[..16];
}
