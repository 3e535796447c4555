// Program runs read config from the process environment, as under the engine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
