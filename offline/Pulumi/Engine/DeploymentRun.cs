using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Pulumi.Testing;

namespace Pulumi.Engine
{
    /// <summary>
    /// One run of a program against mocks: registers resources in order, tracks every pending task so nothing
    /// is lost, and collects the errors that fail the run as the real runner logs them: one message per error.
    /// </summary>
    internal sealed class DeploymentRun
    {
        private readonly IMocks _mocks;
        private readonly ConcurrentDictionary<string, Resource> _byUrn = new();
        private readonly List<Resource> _registered = new();
        private readonly List<Task> _pending = new();
        private readonly List<Exception> _errors = new();
        private readonly List<string> _errorMessages = new();
        private readonly List<string> _exceptionMessages = new();
        private readonly object _lock = new();

        public string ProjectName { get; }
        public string StackName { get; }
        public bool IsDryRun { get; }
        public bool EchoDiagnostics { get; init; }

        /// <summary>
        /// A test run: resources get the URNs the real SDK's mock monitor gives (see <see cref="Resource.MockUrnValue"/>);
        /// otherwise the engine's.
        /// </summary>
        public bool MockUrns { get; init; }
        public ConfigStore Config { get; }
        public Stack? Stack { get; set; }
        public IDictionary<string, object?> StackOutputs { get; private set; } = new Dictionary<string, object?>();

        public DeploymentRun(IMocks mocks, string projectName, string stackName, bool isDryRun, ConfigStore config)
        {
            _mocks = mocks;
            ProjectName = projectName;
            StackName = stackName;
            IsDryRun = isDryRun;
            Config = config;
        }

        public ImmutableArray<Resource> Resources
        {
            get { lock (_lock) return _registered.ToImmutableArray(); }
        }

        public void TrackTask(Task task)
        {
            lock (_lock) _pending.Add(task);
        }

        /// <summary>An error the program logged (Log.Error): the engine keeps its message as written.</summary>
        public void AddDiagnostic(Severity severity, string message)
        {
            if (severity != Severity.Error) return;
            lock (_lock) _errorMessages.Add(message);
        }

        public void RecordError(Exception error)
        {
            var root = Unwrap(error);
            lock (_lock)
            {
                // A failure surfaces again in everything that awaited it; report it once.
                if (_errors.Contains(root)) return;
                _errors.Add(root);
                var message = LoggedMessage(root);
                _errorMessages.Add(message);
                _exceptionMessages.Add(message);
            }
        }

        /// <summary>What the real runner logs for an exception that ended a task.</summary>
        public static string LoggedMessage(Exception error) => error switch
        {
            RunException => error.Message,
            ResourceException resourceError => resourceError.HideStack ? error.Message : error.ToString(),
            _ => $"Running program '{Assembly.GetEntryAssembly()?.Location}' failed with an unhandled exception:\n{error}",
        };

        public void Register(Resource resource, bool custom, ResourceArgs args, bool remote)
        {
            var slots = OutputSlots.AttachAll(resource);
            if (!_byUrn.TryAdd(resource.UrnValue, resource))
            {
                // The engine refuses this; the real mock monitor would not notice, the offline one says what the engine would.
                var duplicate = new ResourceException($"Duplicate resource URN '{resource.UrnValue}'; try giving it a unique name", resource, hideStack: true);
                slots.ForEach(s => s.Fail(duplicate));
                RecordError(duplicate);
                return;
            }
            TrackTask(RegisterAsync(resource, custom, args, slots));
        }

        private async Task RegisterAsync(Resource resource, bool custom, ResourceArgs args, List<IOutputSlot> slots)
        {
            try
            {
                if (resource.ParentResource is { } parent) await parent.Urn.DataTask.ConfigureAwait(false);
                var options = resource.Options;
                if (options.HasDependsOn)
                {
                    var dependsOn = await options.DependsOn.ToOutput().DataTask.ConfigureAwait(false);
                    await Task.WhenAll(dependsOn.Value.Select(r => r.Urn.DataTask)).ConfigureAwait(false);
                }
                var (inputs, _) = await Serializer.SerializeArgsAsync(args).ConfigureAwait(false);
                var providerReference = options.Provider is { } provider ? await ProviderReferenceAsync(provider).ConfigureAwait(false) : null;

                lock (_lock) _registered.Add(resource);
                string? id = null;
                IDictionary<string, object> state = ImmutableDictionary<string, object>.Empty;
                if (resource is not Pulumi.Stack)
                {
                    var (mockId, mockState) = await _mocks.NewResourceAsync(new MockResourceArgs
                    {
                        Type = resource.GetResourceType(),
                        Name = resource.GetResourceName(),
                        Inputs = inputs,
                        Provider = providerReference,
                        Id = (options as CustomResourceOptions)?.ImportId,
                    }).ConfigureAwait(false);
                    id = mockId;
                    state = await PlainStateAsync(mockState, resource).ConfigureAwait(false);
                }
                ResolveOutputs(resource, custom, id, state, slots);
            }
            catch (Exception e)
            {
                // As in the real SDK, every output of the resource fails with the exception itself.
                var error = Unwrap(e);
                slots.ForEach(s => s.Fail(error));
                RecordError(error);
            }
        }

        private void ResolveOutputs(Resource resource, bool custom, string? id, IDictionary<string, object> state, List<IOutputSlot> slots)
        {
            var secretNames = (resource.Options as CustomResourceOptions)?.AdditionalSecretOutputs ?? new List<string>();
            foreach (var slot in slots)
            {
                if (slot.Name == "urn")
                {
                    slot.Resolve(MockUrns ? resource.MockUrnValue : resource.UrnValue, true, false, resource);
                }
                else if (slot.Name == "id" && custom)
                {
                    slot.Resolve(id ?? "", !string.IsNullOrEmpty(id), false, resource);
                }
                else
                {
                    var present = state.TryGetValue(slot.Name, out var value);
                    // What the provider did not return is unknown in a preview and absent in an update.
                    slot.Resolve(present ? value : null, present || !IsDryRun, secretNames.Contains(slot.Name), resource);
                }
            }
        }

        private static async Task<string> ProviderReferenceAsync(ProviderResource provider)
        {
            var urn = await provider.Urn.DataTask.ConfigureAwait(false);
            var id = await provider.Id.DataTask.ConfigureAwait(false);
            return $"{urn.Value}::{(id.IsKnown ? id.Value : "04da6b54-80e4-46f7-96ec-b56ff0331ba9")}";
        }

        private static async Task<IDictionary<string, object>> PlainStateAsync(object? state, Resource resource)
        {
            if (state is null) return ImmutableDictionary<string, object>.Empty;
            var serialized = await Serializer.SerializeAsync(state, $"mock state of {resource.GetResourceType()}").ConfigureAwait(false);
            return serialized.Value as IDictionary<string, object>
                ?? throw new InvalidOperationException($"{state.GetType().FullName} is not a supported argument type");
        }

        public void RegisterOutputs(ComponentResource component, Output<IDictionary<string, object?>> outputs)
        {
            TrackTask(RegisterOutputsAsync(component, outputs));
        }

        private async Task RegisterOutputsAsync(ComponentResource component, Output<IDictionary<string, object?>> outputs)
        {
            var data = await outputs.DataTask.ConfigureAwait(false);
            // Every output value is awaited so that a failing Apply inside fails the run.
            var values = await Serializer.SerializeAsync(data.Value ?? new Dictionary<string, object?>(), component.GetResourceName()).ConfigureAwait(false);
            if (component is Pulumi.Stack && values.Value is not null) StackOutputs = data.Value!;
        }

        /// <summary>Waits until no task is pending, including tasks started while waiting.</summary>
        public async Task DrainAsync()
        {
            while (true)
            {
                Task[] batch;
                lock (_lock)
                {
                    batch = _pending.ToArray();
                    _pending.Clear();
                }
                if (batch.Length == 0) return;
                foreach (var task in batch)
                {
                    try
                    {
                        await task.ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        RecordError(e);
                    }
                }
            }
        }

        /// <summary>
        /// What a test run throws, as the real <c>Deployment.TestAsync</c> does: nothing without errors, a
        /// <see cref="RunException"/> of the one logged message, or an <see cref="AggregateException"/> of one per message.
        /// </summary>
        public Exception? Failure()
        {
            lock (_lock)
            {
                return _errorMessages.Count switch
                {
                    0 => null,
                    1 => new RunException(_errorMessages[0]),
                    _ => new AggregateException(_errorMessages.Select(m => new RunException(m))),
                };
            }
        }

        /// <summary>The messages of the exceptions that ended tasks (Log.Error calls are shown when they happen).</summary>
        public IReadOnlyList<string> ExceptionMessages
        {
            get { lock (_lock) return _exceptionMessages.ToList(); }
        }

        private static Exception Unwrap(Exception error) => error switch
        {
            AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
            System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
            _ => error,
        };
    }
}
