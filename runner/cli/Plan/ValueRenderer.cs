using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Runner.Plan;

/// <summary>
/// Renders resource args and stack outputs as plan JSON, by [Input] wire names, through the public Pulumi API only:
/// a secret becomes <c>"[secret]"</c>, a value not known yet <c>"[unknown]"</c>, a resource its URN, and a string
/// that is a test-run URN the engine's URN (<paramref name="translateText"/>).
/// </summary>
public sealed class ValueRenderer(Func<Resource, string> urnOf, Func<string, string> translateText)
{
    public const string Secret = "[secret]";
    public const string Unknown = "[unknown]";

    private static readonly MethodInfo ResolveMethod =
        typeof(ValueRenderer).GetMethod(nameof(ResolveOutputAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ToOutputMethod = typeof(InputExtensions).GetMethod(nameof(InputExtensions.ToOutput))!;

    /// <summary>The [Input] members of an args object, by wire name, sorted; unset ones left out.</summary>
    public async Task<JsonObject> RenderArgsAsync(object args)
    {
        var result = new JsonObject();
        foreach (var (name, value) in InputMembers(args).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var rendered = await RenderAsync(value).ConfigureAwait(false);
            if (rendered is not null) result[name] = rendered;
        }
        return result;
    }

    public async Task<JsonNode?> RenderAsync(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(translateText(text));
            case bool flag:
                return JsonValue.Create(flag);
            case int or long:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case double or float or decimal:
                return JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case Resource resource:
                return JsonValue.Create(urnOf(resource));
            case AssetOrArchive asset:
                return JsonValue.Create($"[{asset.GetType().Name}]");
            case InputArgs args:
                return await RenderArgsAsync(args).ConfigureAwait(false);
        }

        var type = value.GetType();
        if (FindGeneric(type, typeof(Input<>)) is { } inputType)
        {
            var output = ToOutputMethod.MakeGenericMethod(inputType.GetGenericArguments()[0]).Invoke(null, [value])!;
            return await RenderAsync(output).ConfigureAwait(false);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Output<>))
        {
            var task = (Task<(object? Value, bool IsKnown, bool IsSecret)>)ResolveMethod.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [value])!;
            var (inner, isKnown, isSecret) = await task.ConfigureAwait(false);
            if (isSecret) return JsonValue.Create(Secret);
            return isKnown ? await RenderAsync(inner).ConfigureAwait(false) : JsonValue.Create(Unknown);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Union<,>))
        {
            return await RenderAsync(type.GetProperty("Value")!.GetValue(value)).ConfigureAwait(false);
        }
        if (type.GetCustomAttribute<EnumTypeAttribute>() is not null)
        {
            return JsonValue.Create(value.ToString());
        }
        if (value is IDictionary dictionary)
        {
            var result = new JsonObject();
            foreach (var key in dictionary.Keys.Cast<object>().Select(k => k.ToString()!).OrderBy(k => k, StringComparer.Ordinal))
            {
                result[key] = await RenderAsync(dictionary[key]).ConfigureAwait(false);
            }
            return result;
        }
        if (value is IEnumerable items)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                result.Add(await RenderAsync(item).ConfigureAwait(false));
            }
            return result;
        }
        return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    private static async Task<(object? Value, bool IsKnown, bool IsSecret)> ResolveOutputAsync<T>(Output<T> output)
    {
        var isSecret = await Output.IsSecretAsync(output).ConfigureAwait(false);
        var isKnown = await OutputUtilities.GetIsKnownAsync(output).ConfigureAwait(false);
        var value = await OutputUtilities.GetValueAsync(output).ConfigureAwait(false);
        return (value, isKnown, isSecret);
    }

    // Generated args put [Input] on private backing fields for lists and maps, on properties otherwise.
    private static IEnumerable<(string Name, object? Value)> InputMembers(object args)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        for (var type = args.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(flags | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<InputAttribute>() is not null)
                    yield return (WireName(property), property.GetValue(args));
            }
            foreach (var field in type.GetFields(flags | BindingFlags.DeclaredOnly))
            {
                if (field.GetCustomAttribute<InputAttribute>() is not null)
                    yield return (WireName(field), field.GetValue(args));
            }
        }
    }

    // The attribute's name is its first constructor argument in both SDKs; read it without relying on a property.
    private static string WireName(MemberInfo member) =>
        (string)member.GetCustomAttributesData().First(a => a.AttributeType == typeof(InputAttribute)).ConstructorArguments[0].Value!;

    private static Type? FindGeneric(Type type, Type definition)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == definition) return current;
        }
        return null;
    }
}
