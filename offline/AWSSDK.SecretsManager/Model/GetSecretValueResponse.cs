namespace Amazon.SecretsManager.Model;

/// <summary>GetSecretValue's answer: the value, when the secret holds a string (null for a binary secret).</summary>
public class GetSecretValueResponse
{
    public string? SecretString { get; set; }
}
