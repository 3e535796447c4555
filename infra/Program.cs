using Infra;
using Pulumi;

// Settings are read and validated inside the run (Pulumi config exists only there) and before the stack, so an
// invalid stack file fails with every problem listed and nothing declared. Images, weights and colors come from the
// stack's release ledger, so a plain `pulumi up` declares what the runner released.
return await Deployment.RunAsync<InfraStack>(new InfraStackFactory(release: new LedgerReleaseSource()));
