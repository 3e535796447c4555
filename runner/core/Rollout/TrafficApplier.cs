namespace Infra.Runner.Rollout;

/// <summary>Writes weights to config and applies them with a targeted update of only the services' listener/rule URNs, keeping the ledger honest.</summary>
internal sealed class TrafficApplier(IStackOperations stack, StackOutputs outputs, TrafficLedger ledger)
{
    public TrafficLedger Ledger => ledger;

    /// <summary>The stack outputs this rollout read at its start: the routes and target groups do not change between updates.</summary>
    public StackOutputs Outputs => outputs;

    public async Task ApplyAsync(IReadOnlyList<(string Service, TrafficWeights Weights)> changes, CancellationToken cancellationToken)
    {
        foreach (var (service, weights) in changes)
        {
            await stack.SetWeightsAsync(service, weights, cancellationToken);
        }

        try
        {
            await stack.UpdateAsync(RolloutTargets.TrafficUrns(outputs, changes.Select(c => c.Service)), cancellationToken);
        }
        catch (Exception error) when (error is not StackBusyException)
        {
            // Any failure other than "busy" may have reached some rules before it stopped.
            foreach (var (service, weights) in changes)
            {
                ledger.MayHaveApplied(service, weights);
            }

            throw;
        }

        foreach (var (service, weights) in changes)
        {
            ledger.Confirm(service, weights);
        }
    }
}
