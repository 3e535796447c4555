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
    public static Output<string> Declare(Resource parent, string roleName, string policyName, string servicePrincipal,
        string description, Output<string> policy, StackSettings settings, string tagName)
    {
        var child = new CustomResourceOptions { Parent = parent };
        var role = new Role(roleName, new RoleArgs
        {
            AssumeRolePolicy = PolicyDocument.TrustPolicyFor(servicePrincipal),
            Description = description,
            Tags = StackConventions.Tags(settings, tagName),
        }, child);
        var permissions = new RolePolicy(policyName, new RolePolicyArgs { Role = role.Id, Policy = policy }, child);
        return Output.Tuple(role.Arn, permissions.Id).Apply(t => t.Item1);
    }
}
