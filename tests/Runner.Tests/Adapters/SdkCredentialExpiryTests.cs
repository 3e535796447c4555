using Amazon.Runtime;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>
/// How the real AWS SDK for .NET (AWSSDK.Core 4.1) reports credentials' lifetime: environment credentials carry no
/// expiration of their own, so the adapter reads AWS_CREDENTIAL_EXPIRATION; credentials the SDK renews have no fixed end.
/// </summary>
public class SdkCredentialExpiryTests
{
    private static SdkCredentialExpiry Adapter(string? expiration) =>
        new(name => name == SdkCredentialExpiry.ExpirationVariable ? expiration : null);

    [Fact]
    public async Task Long_lived_keys_have_no_expiry()
    {
        var resolved = await Adapter(null).DescribeAsync(new BasicAWSCredentials("AKIDEXAMPLE", "secret"));

        Assert.Equal(new ResolvedCredentials(null, "BasicAWSCredentials", Temporary: false), resolved);
    }

    [Fact]
    public async Task A_session_without_a_known_expiry_is_temporary_with_no_expiry()
    {
        var resolved = await Adapter(null).DescribeAsync(new SessionAWSCredentials("ASIAEXAMPLE", "secret", "token"));

        Assert.Equal(new ResolvedCredentials(null, "SessionAWSCredentials", Temporary: true), resolved);
    }

    [Fact]
    public async Task The_sdk_gives_environment_credentials_no_expiration_so_the_variable_supplies_it()
    {
        // The test process's credential variables (the local ledger's), read by the real SDK class.
        LocalLedger.UseTestCredentials();
        var credentials = new EnvironmentVariablesAWSCredentials();
        Assert.Null(credentials.Expiration);

        var resolved = await Adapter("2026-03-01T14:00:00Z").DescribeAsync(credentials);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero), resolved.ExpiresAt);
        Assert.Equal("environment variables, expiry from AWS_CREDENTIAL_EXPIRATION", resolved.Source);
    }

    [Theory]
    [InlineData("\"2026-03-01T14:00:00.000Z\"")]
    [InlineData("2026-03-01T15:00:00+01:00")]
    public async Task A_json_quoted_step_output_and_an_offset_read_as_the_same_instant(string expiration)
    {
        LocalLedger.UseTestCredentials();

        var resolved = await Adapter(expiration).DescribeAsync(new EnvironmentVariablesAWSCredentials());

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero), resolved.ExpiresAt);
    }

    [Fact]
    public async Task An_unreadable_expiration_is_bad_input_naming_the_variable()
    {
        LocalLedger.UseTestCredentials();

        var error = await Assert.ThrowsAsync<RolloutInputException>(() => Adapter("in an hour").DescribeAsync(new EnvironmentVariablesAWSCredentials()));

        Assert.Equal("AWS_CREDENTIAL_EXPIRATION 'in an hour' is not a time; expected RFC 3339, e.g. 2026-03-01T14:00:00Z", error.Message);
    }

    [Fact]
    public async Task Credentials_the_sdk_renews_have_no_fixed_end()
    {
        var resolved = await Adapter("2026-03-01T14:00:00Z").DescribeAsync(new RenewedCredentials());

        Assert.Equal(new ResolvedCredentials(null, "RenewedCredentials, renewed by the AWS SDK", Temporary: false), resolved);
    }

    /// <summary>The SDK's own base class of self-renewing credentials (assumed roles, instance and container roles, SSO).</summary>
    private sealed class RenewedCredentials : RefreshingAWSCredentials
    {
        protected override CredentialsRefreshState GenerateNewCredentials() =>
            new(new ImmutableCredentials("ASIAEXAMPLE", "secret", "token"), DateTime.UtcNow.AddHours(1));
    }
}
