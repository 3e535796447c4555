namespace Infra.Stacks.Settings;

/// <summary><c>infra:loadBalancer</c>: the shared, weighted application load balancer.</summary>
/// <param name="CertificateArn">ACM certificate for HTTPS 443. Required in production; staging without it serves HTTP on 80.</param>
/// <param name="IdleTimeoutSeconds">Default 60.</param>
/// <param name="TestListenerPort">Listener that forwards to the idle color. Default 8443.</param>
/// <param name="TestListenerCidrs">Who may reach the test listener. Default: the VPC CIDR.</param>
/// <param name="DeletionProtection">Default staging false, production true.</param>
public sealed record LoadBalancerSettings(
    string? CertificateArn,
    int IdleTimeoutSeconds,
    int TestListenerPort,
    ValueList<string> TestListenerCidrs,
    bool DeletionProtection)
{
    public bool ServesHttps => CertificateArn is not null;
}
