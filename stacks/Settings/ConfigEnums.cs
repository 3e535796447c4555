namespace Infra.Stacks.Settings;

/// <summary>The spelling of each enum value in the stack files, and back.</summary>
public static class ConfigEnums
{
    private static readonly Dictionary<Type, string[]> Names = new()
    {
        [typeof(StackEnvironment)] = ["staging", "production"],
        [typeof(Color)] = ["blue", "green"],
        [typeof(CpuArchitecture)] = ["x86_64", "arm64"],
        [typeof(NatGatewayMode)] = ["single", "perAz"],
        [typeof(SlackMode)] = ["lambda", "chatbot"],
        [typeof(Severity)] = ["critical", "high", "medium", "low"],
        [typeof(InsufficientDataPolicy)] = ["ok", "fail"],
        [typeof(InconclusivePolicy)] = ["fail", "pause"],
        [typeof(SmokeVia)] = ["previewHeader", "testListener"],
        [typeof(FlagRolloutStrategy)] = ["linear", "canary"],
        [typeof(PauseTimeoutAction)] = ["rollback", "promote"],
        [typeof(WebhookPoint)] = ["pre-traffic", "post-step", "post-release", "rollback"],
    };

    /// <summary>The allowed spellings of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> AllowedValues<T>() where T : struct, Enum => Names[typeof(T)];

    /// <summary>The stack-file spelling of a value, e.g. <c>perAz</c>.</summary>
    public static string ToConfigName<T>(this T value) where T : struct, Enum =>
        Names[typeof(T)][Array.IndexOf(Enum.GetValues<T>(), value)];

    /// <summary>Parses an exact (case-sensitive) stack-file spelling.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var index = Array.IndexOf(Names[typeof(T)], text);
        value = index >= 0 ? Enum.GetValues<T>()[index] : default;
        return index >= 0;
    }

    /// <summary>The other color: the idle one when given the live one.</summary>
    public static Color Other(this Color color) => color == Color.Blue ? Color.Green : Color.Blue;
}
