namespace Infra.Stacks.Settings;

/// <summary><c>infra:loadBalancer</c>: the shared, weighted application load balancer.</summary>
/// <param name="CertificateArn">ACM certificate for HTTPS 443. Required in production; staging without it serves HTTP on 80.</param>
/// <param name="IdleTimeoutSeconds">Default 60.</param>
/// <param name="TestListenerPort">Listener that forwards to the idle color. Default 8443.</param>
/// <param name="TestListenerCidrs">Who may reach the test listener. Default: the VPC CIDR.</param>
/// <param name="DeletionProtection">Default staging false, production true.</param>
/// <param name="PreviewHeader">
/// Name of the header whose secret value sends a request on the production listener to the idle color. Default X-Infra-Preview.
/// </param>
/// <param name="SmokeVia">How the runner reaches the idle color for its smoke check. Default previewHeader.</param>
public sealed record LoadBalancerSettings(
    string? CertificateArn,
    int IdleTimeoutSeconds,
    int TestListenerPort,
    ValueList<string> TestListenerCidrs,
    bool DeletionProtection,
    string PreviewHeader,
    SmokeVia SmokeVia)
{
    public bool ServesHttps => CertificateArn is not null;

    /// <summary><c>accessLogs</c>: the load balancer's access logs in an S3 bucket of the stack.</summary>
    public AccessLogSettings AccessLogs { get; init; } = new(false, 90);
}
