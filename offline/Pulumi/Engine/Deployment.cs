using System.Collections.Immutable;
using Pulumi.Engine;
using Pulumi.Testing;

namespace Pulumi
{
    /// <summary>
    /// Entry points of a program and of its tests. Offline there is no engine process: every run is in-process
    /// against mocks. The Test* methods behave as the real SDK's mock monitor and engine do (its URNs, its
    /// RunException per logged error); RunAsync plays the real engine (engine URNs, errors printed, exit code 1).
    /// </summary>
    public sealed class Deployment
    {
        private static readonly AsyncLocal<DeploymentRun?> Current = new();

        private Deployment()
        {
        }

        internal static DeploymentRun CurrentRun =>
            Current.Value ?? throw new InvalidOperationException("Trying to acquire Deployment.Instance before 'Run' was called.");

        internal static DeploymentRun? TryGetCurrentRun() => Current.Value;

        public static DeploymentInstance Instance => new(CurrentRun);

        public static Task<int> RunAsync(Action action) =>
            RunAsync(() =>
            {
                action();
                return (IDictionary<string, object?>)ImmutableDictionary<string, object?>.Empty;
            });

        public static Task<int> RunAsync(Func<IDictionary<string, object?>> func) => RunAsync(() => Task.FromResult(func()));

        public static Task<int> RunAsync(Func<Task> func) =>
            RunAsync(async () =>
            {
                await func().ConfigureAwait(false);
                return (IDictionary<string, object?>)ImmutableDictionary<string, object?>.Empty;
            });

        public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> func, StackOptions? options = null) =>
            RunProgramAsync(() => new ProgramStack(func, options));

        public static Task<int> RunAsync<TStack>() where TStack : Stack, new() => RunProgramAsync(() => new TStack());

        public static Task<int> RunAsync<TStack>(IServiceProvider serviceProvider) where TStack : Stack =>
            RunProgramAsync(() => Resolve<TStack>(serviceProvider));

        public static Task<ImmutableArray<Resource>> TestAsync<TStack>(IMocks mocks, TestOptions? options = null) where TStack : Stack, new() =>
            TestCoreAsync(mocks, options, () => new TStack());

        public static Task<ImmutableArray<Resource>> TestWithServiceProviderAsync<TStack>(IMocks mocks, IServiceProvider serviceProvider, TestOptions? options = null)
            where TStack : Stack =>
            TestCoreAsync(mocks, options, () => Resolve<TStack>(serviceProvider));

        public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
            IMocks testMocks, TestOptions testOptions, Func<Task<IDictionary<string, object?>>> createResources)
        {
            var resources = await TestCoreAsync(testMocks, testOptions, () => new ProgramStack(createResources, null)).ConfigureAwait(false);
            var stack = resources.OfType<ProgramStack>().Single();
            return (resources.Remove(stack), stack.Outputs);
        }

        public static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
            IMocks testMocks, TestOptions testOptions, Func<IDictionary<string, object?>> createResources) =>
            TestAsync(testMocks, testOptions, () => Task.FromResult(createResources()));

        public static async Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Action createResources)
        {
            var (resources, _) = await TestAsync(testMocks, testOptions, () =>
            {
                createResources();
                return (IDictionary<string, object?>)new Dictionary<string, object?>();
            }).ConfigureAwait(false);
            return resources;
        }

        private static TStack Resolve<TStack>(IServiceProvider serviceProvider) where TStack : Stack =>
            serviceProvider.GetService(typeof(TStack)) as TStack
            ?? throw new ApplicationException($"Failed to resolve instance of type {typeof(TStack)} from service provider. Register the type with the service provider before calling {nameof(RunAsync)}.");

        private static async Task<ImmutableArray<Resource>> TestCoreAsync(IMocks mocks, TestOptions? options, Func<Stack> createStack)
        {
            var run = new DeploymentRun(mocks, options?.ProjectName ?? "project", options?.StackName ?? "stack",
                options?.IsPreview ?? true, ConfigStore.FromEnvironment()) { MockUrns = true };
            var failure = await ExecuteAsync(run, createStack).ConfigureAwait(false);
            if (failure is not null) throw failure;
            return run.Resources;
        }

        private static async Task<int> RunProgramAsync(Func<Stack> createStack)
        {
            var run = new DeploymentRun(new EchoMocks(),
                Environment.GetEnvironmentVariable("PULUMI_PROJECT") ?? "project",
                Environment.GetEnvironmentVariable("PULUMI_STACK") ?? "stack",
                Environment.GetEnvironmentVariable("PULUMI_DRY_RUN") != "false",
                ConfigStore.FromEnvironment()) { EchoDiagnostics = true };
            var failure = await ExecuteAsync(run, createStack).ConfigureAwait(false);
            if (failure is not null)
            {
                foreach (var message in run.ExceptionMessages) Console.Error.WriteLine($"error: {message}");
                return 1;
            }
            await ProgramRunReport.WriteIfRequestedAsync(run).ConfigureAwait(false);
            Console.WriteLine($"offline engine: {run.Resources.Length} resources registered against mocks; nothing was deployed.");
            return 0;
        }

        // Must stay async: the AsyncLocal set here is visible to everything the program starts, and to nothing else.
        private static async Task<Exception?> ExecuteAsync(DeploymentRun run, Func<Stack> createStack)
        {
            Current.Value = run;
            try
            {
                var stack = createStack();
                run.RegisterOutputs(stack, Output.Create(stack.CollectPropertyOutputs()));
            }
            catch (Exception e)
            {
                run.RecordError(e);
            }
            await run.DrainAsync().ConfigureAwait(false);
            return run.Failure();
        }

        /// <summary>The stack a program-style run (a function instead of a Stack class) builds its resources in.</summary>
        private sealed class ProgramStack : Stack
        {
            public IDictionary<string, object?> Outputs { get; private set; } = new Dictionary<string, object?>();

            public ProgramStack(Func<Task<IDictionary<string, object?>>> createResources, StackOptions? options) : base(options)
            {
                var outputs = Output.Create(createResources());
                outputs.Apply(o => Outputs = o);
                RegisterOutputs(outputs);
            }
        }
    }

    /// <summary>What a program may ask of the running deployment.</summary>
    public sealed class DeploymentInstance
    {
        private readonly DeploymentRun _run;

        internal DeploymentInstance(DeploymentRun run) => _run = run;

        public string ProjectName => _run.ProjectName;
        public string StackName => _run.StackName;
        public bool IsDryRun => _run.IsDryRun;
    }
}
