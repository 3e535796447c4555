using System.Net.Security;

namespace Infra.Runner.Adapters;

/// <summary>
/// The HttpClient of smoke and DR health checks, which request the load balancer by its AWS DNS name (the test
/// listener has no name of its own) while its certificate names the service's domain. Such a certificate fails only
/// on the name, so that one error is accepted; an untrusted, expired or revoked chain is still refused. Nothing secret
/// is sent on these requests, and they only decide whether a rollout proceeds. Notifications use their own client
/// with full validation.
/// </summary>
public static class SmokeHttpClient
{
    public static HttpClient Create(TimeSpan requestTimeout) => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, errors) => AcceptsCertificate(errors) },
    })
    {
        Timeout = requestTimeout,
    };

    /// <summary>True when the certificate is valid, or valid except that it names another host.</summary>
    public static bool AcceptsCertificate(SslPolicyErrors errors) =>
        (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
}
