using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;

namespace Pulumi.Engine
{
    /// <summary>A value as the engine receives it, with whether it is known, secret, and which resources it came from.</summary>
    internal readonly record struct SerializedValue(object? Value, bool IsKnown, bool IsSecret, ImmutableHashSet<Resource> Dependencies)
    {
        public static SerializedValue Known(object? value) => new(value, true, false, ImmutableHashSet<Resource>.Empty);
    }

    /// <summary>Turns resource arguments into the plain values a provider (here: the mocks) sees, keyed by [Input] names.</summary>
    internal static class Serializer
    {
        public static async Task<(ImmutableDictionary<string, object> Inputs, ImmutableHashSet<Resource> Dependencies)> SerializeArgsAsync(InputArgs args)
        {
            var inputs = ImmutableDictionary.CreateBuilder<string, object>();
            var dependencies = ImmutableHashSet<Resource>.Empty;
            foreach (var (name, member, json) in InputMembers(args.GetType()))
            {
                var value = await SerializeAsync(member.GetValue(args), $"{args.GetType().Name}.{name}", json).ConfigureAwait(false);
                dependencies = dependencies.Union(value.Dependencies);
                // As in the engine's mock monitor: unknown and null inputs are not sent.
                if (value.IsKnown && value.Value is not null) inputs[name] = value.Value;
            }
            return (inputs.ToImmutable(), dependencies);
        }

        public static async Task<SerializedValue> SerializeAsync(object? value, string context, bool asJson = false)
        {
            var result = await SerializeCoreAsync(value, context).ConfigureAwait(false);
            if (asJson && result.IsKnown && result.Value is not null and not string)
            {
                result = result with { Value = JsonSerializer.Serialize(result.Value) };
            }
            return result;
        }

        private static async Task<SerializedValue> SerializeCoreAsync(object? value, string context)
        {
            switch (value)
            {
                case null:
                    return SerializedValue.Known(null);
                case string or bool:
                    return SerializedValue.Known(value);
                case int or long or short or byte or uint or ulong or float or double or decimal:
                    return SerializedValue.Known(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                case IInput input:
                    return await SerializeCoreAsync(input.ToUntypedOutput(), context).ConfigureAwait(false);
                case IOutput output:
                {
                    var data = await output.GetDataAsync().ConfigureAwait(false);
                    if (!data.IsKnown) return new SerializedValue(null, false, data.IsSecret, data.Resources);
                    var inner = await SerializeCoreAsync(data.Value, context).ConfigureAwait(false);
                    return inner with { IsSecret = inner.IsSecret || data.IsSecret, Dependencies = inner.Dependencies.Union(data.Resources) };
                }
                case IUnion union:
                    return await SerializeCoreAsync(union.Value, context).ConfigureAwait(false);
                case AssetOrArchive asset:
                    return SerializedValue.Known(asset);
                case Resource resource:
                {
                    var urn = await resource.Urn.DataTask.ConfigureAwait(false);
                    return new SerializedValue(urn.Value, urn.IsKnown, false, ImmutableHashSet.Create(resource));
                }
                case JsonElement element:
                    return SerializedValue.Known(FromJson(element));
                case InputArgs args:
                    return await SerializeObjectAsync(InputMembers(args.GetType()).Select(m => (m.Name, m.Member.GetValue(args), m.Json)), context).ConfigureAwait(false);
                case IDictionary dictionary:
                    return await SerializeObjectAsync(dictionary.Keys.Cast<object>().Select(k => ((string)k, dictionary[k], false)), context).ConfigureAwait(false);
                case IEnumerable enumerable:
                    return await SerializeListAsync(enumerable.Cast<object?>(), context).ConfigureAwait(false);
            }
            var type = value.GetType();
            if (type.IsValueType && type.GetCustomAttribute<EnumTypeAttribute>() is not null)
            {
                return await SerializeCoreAsync(EnumValue(value), context).ConfigureAwait(false);
            }
            if (type.IsEnum)
            {
                return SerializedValue.Known(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            }
            throw new InvalidOperationException($"{type.FullName} is not a supported argument type.\n\tRead the documentation of {context} for supported types.");
        }

        private static async Task<SerializedValue> SerializeObjectAsync(IEnumerable<(string Name, object? Value, bool Json)> members, string context)
        {
            var result = ImmutableDictionary.CreateBuilder<string, object>();
            var (known, secret, dependencies) = (true, false, ImmutableHashSet<Resource>.Empty);
            foreach (var (name, member, json) in members)
            {
                var value = await SerializeAsync(member, $"{context}.{name}", json).ConfigureAwait(false);
                (known, secret, dependencies) = (known && value.IsKnown, secret || value.IsSecret, dependencies.Union(value.Dependencies));
                if (value.Value is not null) result[name] = value.Value;
            }
            return new SerializedValue(known ? result.ToImmutable() : null, known, secret, dependencies);
        }

        private static async Task<SerializedValue> SerializeListAsync(IEnumerable<object?> items, string context)
        {
            var result = ImmutableArray.CreateBuilder<object>();
            var (known, secret, dependencies) = (true, false, ImmutableHashSet<Resource>.Empty);
            foreach (var item in items)
            {
                var value = await SerializeCoreAsync(item, context).ConfigureAwait(false);
                (known, secret, dependencies) = (known && value.IsKnown, secret || value.IsSecret, dependencies.Union(value.Dependencies));
                result.Add(value.Value!);
            }
            return new SerializedValue(known ? result.ToImmutable() : null, known, secret, dependencies);
        }

        /// <summary>The [Input] members of an args type, by wire name.</summary>
        public static IEnumerable<(string Name, MemberAccessor Member, bool Json)> InputMembers(Type argsType)
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
            foreach (var member in argsType.GetProperties(flags).Cast<MemberInfo>().Concat(argsType.GetFields(flags)))
            {
                var attribute = member.GetCustomAttribute<InputAttribute>();
                if (attribute is not null) yield return (attribute.Name, new MemberAccessor(member), attribute.Json);
            }
        }

        private static object? EnumValue(object value)
        {
            var type = value.GetType();
            var conversion = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name is "op_Explicit" or "op_Implicit" && m.GetParameters()[0].ParameterType == type
                    && (m.ReturnType == typeof(string) || m.ReturnType == typeof(double)));
            return conversion?.Invoke(null, new[] { value }) ?? value.ToString();
        }

        internal static object? FromJson(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().ToImmutableDictionary(p => p.Name, p => FromJson(p.Value)!),
            JsonValueKind.Array => element.EnumerateArray().Select(e => FromJson(e)!).ToImmutableArray(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    /// <summary>Reads a property or field alike.</summary>
    internal readonly struct MemberAccessor
    {
        private readonly MemberInfo _member;

        public MemberAccessor(MemberInfo member) => _member = member;

        public object? GetValue(object target) => _member switch
        {
            PropertyInfo p => p.GetValue(target),
            FieldInfo f => f.GetValue(target),
            _ => null,
        };
    }
}
