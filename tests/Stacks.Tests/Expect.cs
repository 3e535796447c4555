using Infra.Stacks.Loading;

namespace Infra.Stacks.Tests;

internal static class Expect
{
    /// <summary>Asserts the load failed with exactly these messages, in order.</summary>
    public static void Errors(StackBuilder builder, params string[] expected)
    {
        var result = builder.Load();
        Assert.Equal(expected, result.Errors);
        Assert.Null(result.Settings);
    }

    /// <summary>Asserts exactly one error: <c>Pulumi.&lt;stack&gt;.yaml: {message}</c>.</summary>
    public static void Error(StackBuilder builder, string message) =>
        Errors(builder, $"Pulumi.{builder.StackName}.yaml: {message}");

    public static StackLoadResult Yaml(string stackName, string yaml) =>
        StackSettingsLoader.FromDocument(StackFile.Parse(stackName, $"Pulumi.{stackName}.yaml", yaml));
}
