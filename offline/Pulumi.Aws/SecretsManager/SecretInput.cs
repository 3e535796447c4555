namespace Pulumi.Aws.SecretsManager
{
    /// <summary>
    /// Marks an argument secret as it is set, as the real package does for inputs the schema flags secret
    /// (a database password, a secret string), so the value never reaches a plan or state in clear text.
    /// </summary>
    internal static class SecretInput
    {
        public static Input<string>? Wrap(Input<string>? value) =>
            value is null ? null : (Input<string>)Output.CreateSecret(value.ToOutput());
    }
}
