using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Iam;

namespace Infra.Components.Iam;

/// <summary>
/// A role an AWS service assumes (trust policy for that one service principal) with its one inline policy, as two
/// children the caller names, so moving a role here keeps its URNs.
/// </summary>
public static class ServiceRole
{
    /// <returns>
    /// The role's ARN, known only once its policy is attached: a resource handed this ARN never runs with the role
    /// still empty.
    /// </returns>
    /// <param name="description">Shown in IAM; null for none (roles declared before this shape had none, and adding one is a change).</param>
    public static Output<string> Declare(Resource parent, string roleName, string policyName, string servicePrincipal,
        string? description, Output<string> policy, StackSettings settings, string tagName)
    {
        var child = new CustomResourceOptions { Parent = parent };
        var roleArgs = new RoleArgs
        {
            AssumeRolePolicy = PolicyDocument.TrustPolicyFor(servicePrincipal),
            Tags = StackConventions.Tags(settings, tagName),
        };
        if (description is not null) roleArgs.Description = description;
        var role = new Role(roleName, roleArgs, child);
        var permissions = new RolePolicy(policyName, new RolePolicyArgs { Role = role.Id, Policy = policy }, child);
        return Output.Tuple(role.Arn, permissions.Id).Apply(t => t.Item1);
    }
}
