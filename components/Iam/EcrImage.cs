using Infra.Stacks.Dr;

namespace Infra.Components.Iam;

/// <summary>Reads the ECR repository out of an image reference, so pull permissions can name that repository only.</summary>
public static class EcrImage
{
    /// <summary>
    /// The repository ARN of an ECR image, e.g. <c>arn:aws:ecr:eu-west-1:123456789012:repository/web</c>; false for
    /// images from other registries, which need no IAM permission to pull.
    /// </summary>
    public static bool TryRepositoryArn(string image, out string repositoryArn)
    {
        var reference = EcrImageReference.Parse(image);
        repositoryArn = reference?.RepositoryArn ?? "";
        return reference is not null;
    }
}
