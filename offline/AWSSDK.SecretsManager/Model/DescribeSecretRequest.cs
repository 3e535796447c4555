namespace Amazon.SecretsManager.Model;

/// <summary>DescribeSecret parameters: the secret's ARN or name; its details are read, never its value.</summary>
public class DescribeSecretRequest
{
    public string? SecretId { get; set; }
}
