using System.Collections.Immutable;
using System.Text.Json;

namespace Pulumi
{
    /// <summary>A value that becomes known as the deployment runs; carries secrecy and the resources it came from.</summary>
    public sealed class Output<T> : IOutput
    {
        internal Task<OutputData<T>> DataTask { get; }

        internal Output(Task<OutputData<T>> dataTask)
        {
            DataTask = dataTask;
            Deployment.TryGetCurrentRun()?.TrackTask(dataTask);
        }

        public static Output<T> Create(Task<T> value) => Output.Create(value);

        internal static Output<T> FromData(OutputData<T> data) => new(Task.FromResult(data));

        public Output<U> Apply<U>(Func<T, U> func) => Apply(value => Task.FromResult(func(value)));

        public Output<U> Apply<U>(Func<T, Task<U>> func) => new(ApplyAsync(async value =>
        {
            var result = await func(value).ConfigureAwait(false);
            return OutputData<U>.Known(result);
        }));

        public Output<U> Apply<U>(Func<T, Input<U>?> func) => Apply(value => func(value) is { } input ? (Output<U>)input : null);

        public Output<U> Apply<U>(Func<T, Output<U>?> func) => new(ApplyAsync(async value =>
        {
            var inner = func(value);
            return inner is null ? OutputData<U>.Known(default!) : await inner.DataTask.ConfigureAwait(false);
        }));

        private async Task<OutputData<U>> ApplyAsync<U>(Func<T, Task<OutputData<U>>> next)
        {
            var data = await DataTask.ConfigureAwait(false);
            if (!data.IsKnown)
            {
                // Preview: the callback never sees a value that doesn't exist yet.
                return OutputData<U>.Unknown(data.IsSecret, data.Resources);
            }
            var inner = await next(data.Value).ConfigureAwait(false);
            return new OutputData<U>(inner.Value, inner.IsKnown, data.IsSecret || inner.IsSecret, data.Resources.Union(inner.Resources));
        }

        async Task<OutputData<object?>> IOutput.GetDataAsync()
        {
            var data = await DataTask.ConfigureAwait(false);
            return data.WithValue<object?>(data.Value);
        }

        public override string ToString() =>
            "Calling [ToString] on an [Output<T>] is not supported.\n\nTo get the value of an Output<T> as an Output<string> consider:\n" +
            "1. o.Apply(v => $\"prefix{v}suffix\")\n2. Output.Format($\"prefix{hostname}suffix\");";
    }

    /// <summary>Factories and combinators for <see cref="Output{T}"/>.</summary>
    public static class Output
    {
        public static Output<T> Create<T>(T value) => Output<T>.FromData(OutputData<T>.Known(value));

        public static Output<T> Create<T>(Task<T> value) => new(CreateAsync(value, isSecret: false));

        public static Output<T> CreateSecret<T>(T value) => Output<T>.FromData(OutputData<T>.Known(value, isSecret: true));

        public static Output<T> CreateSecret<T>(Task<T> value) => new(CreateAsync(value, isSecret: true));

        public static Output<T> CreateSecret<T>(Output<T> value) => new(WithSecretAsync(value, true));

        public static Output<T> Unsecret<T>(Output<T> output) => new(WithSecretAsync(output, false));

        public static async Task<bool> IsSecretAsync<T>(Output<T> output) => (await output.DataTask.ConfigureAwait(false)).IsSecret;

        public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs) => All(inputs.AsEnumerable());

        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs) => All(inputs.Select(i => i.ToOutput()));

        public static Output<ImmutableArray<T>> All<T>(params Output<T>[] outputs) => All(outputs.AsEnumerable());

        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Output<T>> outputs)
        {
            var list = outputs.ToList();
            return new Output<ImmutableArray<T>>(AllAsync(list));
        }

        public static Output<(T1, T2)> Tuple<T1, T2>(Output<T1> item1, Output<T2> item2) =>
            new(CombineAsync(new IOutput[] { item1, item2 }, v => ((T1)v[0]!, (T2)v[1]!)));

        public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2) =>
            Tuple(item1.ToOutput(), item2.ToOutput());

        public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Output<T1> item1, Output<T2> item2, Output<T3> item3) =>
            new(CombineAsync(new IOutput[] { item1, item2, item3 }, v => ((T1)v[0]!, (T2)v[1]!, (T3)v[2]!)));

        public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Input<T1> item1, Input<T2> item2, Input<T3> item3) =>
            Tuple(item1.ToOutput(), item2.ToOutput(), item3.ToOutput());

        public static Output<(T1, T2, T3, T4)> Tuple<T1, T2, T3, T4>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4) =>
            new(CombineAsync(new IOutput[] { item1, item2, item3, item4 }, v => ((T1)v[0]!, (T2)v[1]!, (T3)v[2]!, (T4)v[3]!)));

        public static Output<(T1, T2, T3, T4)> Tuple<T1, T2, T3, T4>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4) =>
            Tuple(item1.ToOutput(), item2.ToOutput(), item3.ToOutput(), item4.ToOutput());

        /// <summary>Interpolates outputs into a string; unknown if any part is unknown, secret if any part is.</summary>
        public static Output<string> Format(FormattableString formattableString)
        {
            var parts = formattableString.GetArguments().Select(ToUntypedOutput).ToArray();
            var format = formattableString.Format;
            return new Output<string>(CombineAsync(parts, values =>
                string.Format(System.Globalization.CultureInfo.InvariantCulture, format, values.ToArray())));
        }

        /// <summary>Serializes the output's value to JSON once it is known.</summary>
        public static Output<string> JsonSerialize<T>(Output<T> value, JsonSerializerOptions? options = null) =>
            value.Apply(v => JsonSerializer.Serialize(v, options));

        private static IOutput ToUntypedOutput(object? argument) => argument switch
        {
            IOutput output => output,
            IInput input => input.ToUntypedOutput(),
            _ => Output<object?>.FromData(OutputData<object?>.Known(argument)),
        };

        private static async Task<OutputData<T>> CreateAsync<T>(Task<T> value, bool isSecret) =>
            OutputData<T>.Known(await value.ConfigureAwait(false), isSecret);

        private static async Task<OutputData<T>> WithSecretAsync<T>(Output<T> output, bool isSecret)
        {
            var data = await output.DataTask.ConfigureAwait(false);
            return data with { IsSecret = isSecret };
        }

        private static async Task<OutputData<ImmutableArray<T>>> AllAsync<T>(List<Output<T>> outputs) =>
            await CombineAsync(outputs.Cast<IOutput>().ToArray(), values => values.Select(v => (T)v!).ToImmutableArray()).ConfigureAwait(false);

        internal static async Task<OutputData<TResult>> CombineAsync<TResult>(IOutput[] parts, Func<IReadOnlyList<object?>, TResult> combine)
        {
            var datas = await Task.WhenAll(parts.Select(p => p.GetDataAsync())).ConfigureAwait(false);
            var isKnown = datas.All(d => d.IsKnown);
            var isSecret = datas.Any(d => d.IsSecret);
            var resources = datas.Aggregate(ImmutableHashSet<Resource>.Empty, (acc, d) => acc.Union(d.Resources));
            return isKnown
                ? new OutputData<TResult>(combine(datas.Select(d => d.Value).ToList()), true, isSecret, resources)
                : OutputData<TResult>.Unknown(isSecret, resources);
        }
    }
}
