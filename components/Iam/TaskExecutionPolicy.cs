namespace Infra.Components.Iam;

/// <summary>
/// What ECS itself needs to start a service's tasks: pull its images, write its log group, read the secrets it names.
/// Nothing else, and no wildcard resource except the one AWS requires.
/// </summary>
public static class TaskExecutionPolicy
{
    public static PolicyDocument For(IEnumerable<string> images, string logGroupArn, IEnumerable<string> secretArns)
    {
        var statements = new List<PolicyStatement>();
        var repositories = images
            .Select(image => EcrImage.TryRepositoryArn(image, out var arn) ? arn : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (repositories.Count > 0)
        {
            // ecr:GetAuthorizationToken has no resource-level permissions: AWS accepts only "*" for it.
            statements.Add(new PolicyStatement("EcrLogin", ["ecr:GetAuthorizationToken"], ["*"]));
            statements.Add(new PolicyStatement("PullImages",
                ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], repositories));
        }

        statements.Add(new PolicyStatement("WriteLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logGroupArn}:*"]));

        var secrets = secretArns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (secrets.Count > 0)
            statements.Add(new PolicyStatement("ReadSecrets", ["secretsmanager:GetSecretValue"], secrets));

        return new PolicyDocument(statements);
    }
}
