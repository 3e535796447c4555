using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Pulumi.Engine
{
    /// <summary>Converts a provider's plain output values into the typed values of [Output] properties.</summary>
    internal static class Deserializer
    {
        public static object? Convert(object? value, Type target, string context)
        {
            if (value is null) return target.IsValueType ? Activator.CreateInstance(target) : null;
            if (target == typeof(object)) return value;
            if (target.IsInstanceOfType(value) && value is not IEnumerable or string) return value;

            var nullable = Nullable.GetUnderlyingType(target);
            if (nullable is not null) return Convert(value, nullable, context);

            if (target == typeof(string)) return value as string ?? throw Mismatch(value, target, context);
            if (target == typeof(bool)) return value is bool b ? b : throw Mismatch(value, target, context);
            if (target == typeof(int)) return System.Convert.ToInt32(AsNumber(value, target, context), CultureInfo.InvariantCulture);
            if (target == typeof(double)) return AsNumber(value, target, context);
            if (target == typeof(JsonElement)) return JsonSerializer.SerializeToElement(value);

            if (target.IsGenericType)
            {
                var definition = target.GetGenericTypeDefinition();
                var arguments = target.GetGenericArguments();
                if (definition == typeof(ImmutableArray<>))
                {
                    var items = (value as IEnumerable ?? throw Mismatch(value, target, context)).Cast<object?>()
                        .Select((item, i) => Convert(item, arguments[0], $"{context}[{i}]"));
                    return typeof(Deserializer).GetMethod(nameof(ToImmutableArray), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(arguments[0]).Invoke(null, new object[] { items });
                }
                if (definition == typeof(ImmutableDictionary<,>))
                {
                    var dictionary = value as IDictionary ?? throw Mismatch(value, target, context);
                    var pairs = dictionary.Keys.Cast<string>().Select(k => (k, Convert(dictionary[k], arguments[1], $"{context}.{k}")));
                    return typeof(Deserializer).GetMethod(nameof(ToImmutableDictionary), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(arguments[1]).Invoke(null, new object[] { pairs });
                }
                if (definition == typeof(Union<,>))
                {
                    return ConvertUnion(value, target, arguments, context);
                }
            }

            if (target.GetCustomAttribute<OutputTypeAttribute>() is not null) return ConvertOutputType(value, target, context);
            if (target.IsValueType && target.GetCustomAttribute<EnumTypeAttribute>() is not null)
            {
                var constructor = target.GetConstructors(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance)
                    .First(c => c.GetParameters().Length == 1);
                return constructor.Invoke(new[] { Convert(value, constructor.GetParameters()[0].ParameterType, context) });
            }
            throw Mismatch(value, target, context);
        }

        private static object ConvertOutputType(object value, Type target, string context)
        {
            var fields = value as IDictionary ?? throw Mismatch(value, target, context);
            var constructor = target.GetConstructors(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance)
                .SingleOrDefault(c => c.GetCustomAttribute<OutputConstructorAttribute>() is not null)
                ?? throw new InvalidOperationException($"{target.FullName} had [OutputType] but no constructor marked [OutputConstructor]");
            var arguments = constructor.GetParameters()
                .Select(p => Convert(fields.Contains(p.Name!) ? fields[p.Name!] : null, p.ParameterType, $"{context}.{p.Name}"))
                .ToArray();
            return constructor.Invoke(arguments);
        }

        private static object ConvertUnion(object value, Type target, Type[] arguments, string context)
        {
            for (var index = 0; index < 2; index++)
            {
                object? converted;
                try
                {
                    converted = Convert(value, arguments[index], context);
                }
                catch (InvalidOperationException)
                {
                    continue;
                }
                return target.GetMethod(index == 0 ? "FromT0" : "FromT1")!.Invoke(null, new[] { converted })!;
            }
            throw Mismatch(value, target, context);
        }

        private static double AsNumber(object value, Type target, string context) => value switch
        {
            double d => d,
            int or long or float or decimal => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw Mismatch(value, target, context),
        };

        private static ImmutableArray<T> ToImmutableArray<T>(IEnumerable<object?> items) => items.Select(i => (T)i!).ToImmutableArray();

        private static ImmutableDictionary<string, T> ToImmutableDictionary<T>(IEnumerable<(string Key, object? Value)> pairs) =>
            pairs.ToImmutableDictionary(p => p.Key, p => (T)p.Value!);

        private static InvalidOperationException Mismatch(object value, Type target, string context) =>
            new($"Expected target type {target.FullName} when deserializing '{context}', but got a {value.GetType().Name}");
    }
}
