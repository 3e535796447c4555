using Infra;
using Pulumi;

// Settings are read and validated inside the run (Pulumi config exists only there) and before the stack, so an
// invalid stack file fails with every problem listed and nothing declared.
return await Deployment.RunAsync<InfraStack>(new InfraStackFactory());
