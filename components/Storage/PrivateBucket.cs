using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.S3;
// S3 and S3.Inputs both declare BucketServerSideEncryptionConfigurationArgs: the nested inputs go by this alias.
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace Infra.Components.Storage;

/// <summary>
/// A bucket only its owner and the services its policy names can use, as children <c>&lt;name&gt;</c>,
/// <c>-ownership</c> (ACLs off), <c>-public-access</c> (all four blocks on), <c>-encryption</c> (SSE-S3, bucket key on)
/// and <c>-lifecycle</c> (objects expire; unfinished uploads go after a day).
/// </summary>
public sealed record PrivateBucket(Bucket Bucket, Output<string> Name, Output<string> Arn)
{
    private const int MaxPrefixLength = 37;

    /// <param name="expireDays">How long an object is kept.</param>
    /// <param name="retain">Keep the bucket (and what it holds) when the stack or the resource is deleted.</param>
    /// <param name="deleteObjectsWithBucket">
    /// Delete what the bucket holds when the bucket is deleted (<c>forceDestroy</c>), for a bucket the program removes in
    /// normal operation; otherwise a bucket with objects makes that update fail. Default false.
    /// </param>
    public static PrivateBucket Declare(Resource parent, string name, StackSettings settings, int expireDays, bool retain,
        bool deleteObjectsWithBucket = false)
    {
        var child = new CustomResourceOptions { Parent = parent };
        // Bucket names are global across accounts: S3 adds a unique suffix to the prefix, which it limits to 37 characters.
        var prefix = $"{StackConventions.Naming(settings).Prefix}-{name}-".ToLowerInvariant();
        var bucket = new Bucket(name, new BucketArgs
        {
            BucketPrefix = prefix.Length <= MaxPrefixLength ? prefix : prefix[..MaxPrefixLength],
            ForceDestroy = deleteObjectsWithBucket,
            Tags = StackConventions.Tags(settings, name),
        }, new CustomResourceOptions { Parent = parent, RetainOnDelete = retain });
        var ownership = new BucketOwnershipControls($"{name}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new S3Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = "BucketOwnerEnforced" },
        }, child);
        var publicAccess = new BucketPublicAccessBlock($"{name}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, child);
        var encryption = new BucketServerSideEncryptionConfiguration($"{name}-encryption", new BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new S3Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new S3Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "AES256",
                    },
                    BucketKeyEnabled = true,
                },
            },
        }, child);
        var lifecycle = new BucketLifecycleConfiguration($"{name}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new S3Inputs.BucketLifecycleConfigurationRuleArgs
                {
                    Id = "expire",
                    Status = "Enabled",
                    Filter = new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
                    Expiration = new S3Inputs.BucketLifecycleConfigurationRuleExpirationArgs { Days = expireDays },
                    AbortIncompleteMultipartUpload = new S3Inputs.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs { DaysAfterInitiation = 1 },
                },
            },
        }, child);
        // Users of the bucket wait until it is private, encrypted and expiring.
        var ready = Output.Tuple(Output.Tuple(bucket.Id, ownership.Id, publicAccess.Id), encryption.Id, lifecycle.Id).Apply(t => t.Item1.Item1);
        return new PrivateBucket(bucket, ready, bucket.Arn);
    }
}
