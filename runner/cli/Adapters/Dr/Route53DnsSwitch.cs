using Amazon.Route53;
using Amazon.Route53.Model;
using Infra.Runner.Dr;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// Moves traffic by inverting the primary's health check (UpdateHealthCheck, Inverted). Chosen over rewriting the
/// failover records (ChangeResourceRecordSets): one small call that leaves the records as the program declares them,
/// the program declares the same inversion from the ledger (so no update undoes it), and in a real outage Route 53's
/// data plane has already failed over on the failing health check; the inversion keeps traffic in the DR region when
/// the primary comes back with a stale database.
/// </summary>
public sealed class Route53DnsSwitch(AmazonRoute53Client client, TimeSpan callTimeout) : IDnsSwitch
{
    public Task SetPrimaryInvertedAsync(string healthCheckId, bool inverted, CancellationToken cancellationToken) =>
        client.UpdateHealthCheckAsync(new UpdateHealthCheckRequest { HealthCheckId = healthCheckId, Inverted = inverted }, cancellationToken)
            .WaitAsync(callTimeout, cancellationToken);
}
