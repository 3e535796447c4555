using System.Text.RegularExpressions;

namespace Infra.Components.Iam;

/// <summary>Reads the ECR repository out of an image reference, so pull permissions can name that repository only.</summary>
public static partial class EcrImage
{
    // <account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag][@digest]; repositories may contain slashes.
    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr\.(?<region>[a-z0-9-]+)\.amazonaws\.com/(?<repository>[a-z0-9._/-]+?)(:[\w.-]+)?(@sha256:[0-9a-f]{64})?$")]
    private static partial Regex EcrReference();

    /// <summary>
    /// The repository ARN of an ECR image, e.g. <c>arn:aws:ecr:eu-west-1:123456789012:repository/web</c>; false for
    /// images from other registries, which need no IAM permission to pull.
    /// </summary>
    public static bool TryRepositoryArn(string image, out string repositoryArn)
    {
        var match = EcrReference().Match(image);
        repositoryArn = match.Success
            ? $"arn:aws:ecr:{match.Groups["region"].Value}:{match.Groups["account"].Value}:repository/{match.Groups["repository"].Value}"
            : "";
        return match.Success;
    }
}
