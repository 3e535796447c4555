using System.Net.Security;

namespace Infra.Runner.Adapters;

/// <summary>
/// The HttpClient of smoke and DR health checks, which request the load balancer by its AWS DNS name (the test
/// listener, and the default service's preview route, have no name of their own) while its certificate names the
/// service's domain. Such a certificate fails only on the name, so that one error is accepted; an untrusted, expired
/// or revoked chain is still refused. The one secret these requests carry is the preview header's value, which only
/// opens a route to a color nobody has released yet; a server holding a trusted certificate for another name could
/// learn it, so a host-routed service is requested by its own host, where the name matches. Notifications use their
/// own client with full validation. Redirects are not followed: a custom header such as the preview header would go
/// along to wherever the idle color points, and a check passes only on the color's own 2xx.
/// </summary>
public static class SmokeHttpClient
{
    public static HttpClient Create(TimeSpan requestTimeout) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, errors) => AcceptsCertificate(errors) },
    })
    {
        Timeout = requestTimeout,
    };

    /// <summary>True when the certificate is valid, or valid except that it names another host.</summary>
    public static bool AcceptsCertificate(SslPolicyErrors errors) =>
        (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
}
