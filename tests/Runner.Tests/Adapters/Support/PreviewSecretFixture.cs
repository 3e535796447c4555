using TestSupport;

namespace Runner.Tests.Adapters.Support;

/// <summary>
/// The fake Secrets Manager holding the stack's preview header secret, with the process-wide endpoint override
/// pointing at it while the test runs (tests using it share a collection that runs alone).
/// </summary>
internal sealed class PreviewSecretFixture : IDisposable
{
    public const string Variable = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    public const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:infra-production-preview-header-AbCdEf";
    public const string SecretValue = "k3v9q0x1preview0secret0value0for0tests7";

    public PreviewSecretFixture()
    {
        Environment.SetEnvironmentVariable(Variable, Server.Endpoint);
        // The real client signs its requests, so it needs credentials (the fake does not check them).
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test-access-key");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-secret-key");
        Server.SetSecret(SecretArn, SecretValue);
    }

    public FakeSecretsManagerServer Server { get; } = FakeSecretsManagerServer.Start();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        Server.Dispose();
    }
}
