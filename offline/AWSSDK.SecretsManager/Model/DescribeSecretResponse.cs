namespace Amazon.SecretsManager.Model;

/// <summary>DescribeSecret's answer, the part read here: when the secret is scheduled for deletion (null when it is not).</summary>
public class DescribeSecretResponse
{
    public DateTime? DeletedDate { get; set; }
}
