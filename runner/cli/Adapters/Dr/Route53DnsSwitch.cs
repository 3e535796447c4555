using Amazon.Route53;
using Amazon.Route53.Model;
using Infra.Runner.Dr;
using Infra.Stacks.Dr;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// Moves traffic by setting the threshold of the PRIMARY record's calculated health check (UpdateHealthCheck,
/// HealthThreshold; see <see cref="PrimaryRecordGate"/>). Chosen over rewriting the failover records
/// (ChangeResourceRecordSets): one small call that leaves the records as the program declares them, and the program
/// declares the same threshold from the ledger (so no update undoes it). It holds the primary unhealthy whether its
/// probe fails (a real outage) or passes (a drill, or the primary coming back with a stale database).
/// </summary>
public sealed class Route53DnsSwitch(AmazonRoute53Client client, SdkCallLimit callLimit) : IDnsSwitch
{
    public Task SetPrimaryHeldUnhealthyAsync(string healthCheckId, bool held, CancellationToken cancellationToken) =>
        callLimit.RunAsync(
            t => client.UpdateHealthCheckAsync(
                new UpdateHealthCheckRequest { HealthCheckId = healthCheckId, HealthThreshold = PrimaryRecordGate.HealthThreshold(held) }, t),
            cancellationToken);
}
