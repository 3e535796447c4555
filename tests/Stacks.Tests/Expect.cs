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

    /// <summary>Loads <paramref name="yaml"/> as the stack file <c>Pulumi.&lt;stack&gt;.yaml</c>, as the plan does.</summary>
    public static StackLoadResult Yaml(string stackName, string yaml) => File(stackName, StackFileText.Encode(yaml));

    /// <summary>Loads raw bytes as the stack file <c>Pulumi.&lt;stack&gt;.yaml</c>, as the plan does.</summary>
    public static StackLoadResult File(string stackName, byte[] content)
    {
        var folder = Directory.CreateTempSubdirectory("stack-file-");
        try
        {
            var path = Path.Combine(folder.FullName, $"Pulumi.{stackName}.yaml");
            System.IO.File.WriteAllBytes(path, content);
            return StackSettingsLoader.FromFile(path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
