namespace Amazon.SecretsManager.Model;

/// <summary>GetSecretValue parameters: the secret's ARN or name; the current version is read.</summary>
public class GetSecretValueRequest
{
    public string? SecretId { get; set; }
}
