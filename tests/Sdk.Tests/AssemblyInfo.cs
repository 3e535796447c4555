// Runs share PULUMI_CONFIG through the environment, as the real engine hands it over: no parallel tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
