using Infra.Runner.Adapters;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Pulumi.Automation;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>
/// The runner reads settings through the workspace (<see cref="WorkspaceStackExtensions.ReadSettingsAsync"/>), the
/// plan from the stack file (<see cref="StackSettingsLoader.FromFile"/>): both must accept and reject the same files,
/// with the same messages.
/// </summary>
public sealed class RunnerAndPlanAgreeTests : IDisposable
{
    private static readonly string Staging = File.ReadAllText(RepoFiles.StackFile("staging"));

    private const string WebImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2";
    private const string LiveColor = "      liveColor: blue";
    private const string SlackMode = "    slack:\n      mode: lambda";

    private readonly string folder = Directory.CreateTempSubdirectory("agree-").FullName;

    public RunnerAndPlanAgreeTests() => File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");

    /// <summary>Each case: a name, the stack, the file's bytes, and whether it is valid.</summary>
    public static IEnumerable<(string Case, string Stack, byte[] Content, bool Valid)> Files()
    {
        yield return ("shipped production", "production", File.ReadAllBytes(RepoFiles.StackFile("production")), true);
        yield return ("shipped staging", "staging", File.ReadAllBytes(RepoFiles.StackFile("staging")), true);
        yield return ("webhook secret", "staging", Text(Staging.Replace(SlackMode, SlackMode + "\n    slackWebhookUrl:\n      secure: AAAB")), true);
        yield return ("webhook in plain text", "staging", Text(Staging.Replace(SlackMode, SlackMode + "\n    slackWebhookUrl: https://hooks.slack.com/x")), false);
        yield return ("secret in the wrong place", "staging", Text(Staging.Replace(LiveColor, "      host:\n        secure: AAAB\n" + LiveColor)), false);
        yield return ("second document", "staging", Text(Staging + "\n---\nconfig: {}\n"), false);
        yield return ("alias bomb", "staging", Text(AliasBomb()), false);
        yield return ("invalid UTF-8", "staging", Text("config:\n  infra:environment: stag").Concat(new byte[] { 0xC3, 0x28 }).Concat(Text("ing\n")).ToArray(), false);
        yield return ("list at the top", "staging", Text("- config\n"), false);
        yield return ("config as a list", "staging", Text("config:\n  - a\n"), false);
        yield return ("tab indentation", "staging", Text(Staging.Replace(LiveColor, "\t" + LiveColor)), false);
        yield return ("misspelled namespace", "staging", Text(Staging.Replace("infra:environment", "infr:environment")), false);
        yield return ("unknown region", "staging", Text(Staging.Replace("aws:region: eu-west-1", "aws:region: eu-west-9")), false);
        yield return ("bad image", "staging", Text(Staging.Replace(WebImage, "Web Image:!!latest")), false);
        yield return ("numbers as YAML reads them", "staging", Text(Staging.Replace("cpu: 512", "cpu: 5.12e2").Replace("memory: 1024", "memory: 1024.0")), true);
        yield return ("a fractional count", "staging", Text(Staging.Replace("desiredCount: 1", "desiredCount: 1.5")), false);
        yield return ("bad variable name", "staging", Text(Staging.Replace("LOG_LEVEL:", "\"LOG LEVEL=\":")), false);
    }

    [OfflineSdkFact("reads the stack file through the offline workspace's config, as the runner does")]
    public async Task Runner_and_plan_accept_and_reject_the_same_files_with_the_same_messages()
    {
        foreach (var (name, stack, content, valid) in Files())
        {
            var path = Path.Combine(folder, $"Pulumi.{stack}.yaml");
            await File.WriteAllBytesAsync(path, content);

            var plan = StackSettingsLoader.FromFile(path);
            var runner = await RunnerReadAsync(stack);

            Assert.True(valid == plan.IsValid, $"{name}: the plan {(plan.IsValid ? "accepted" : "rejected")} it: {string.Join(" | ", plan.Errors)}");
            Assert.True(plan.Errors.SequenceEqual(runner.Errors),
                $"{name}: plan said [{string.Join(" | ", plan.Errors)}], runner said [{string.Join(" | ", runner.Errors)}]");
            Assert.Equal(plan.Settings, runner.Settings);
            File.Delete(path);
        }
    }

    private async Task<(IReadOnlyList<string> Errors, StackSettings? Settings)> RunnerReadAsync(string stack)
    {
        try
        {
            using var workspaceStack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(stack, folder));
            return ([], await workspaceStack.ReadSettingsAsync(CancellationToken.None));
        }
        catch (StackSettingsException e)
        {
            return (e.Errors, null);
        }
    }

    // Nine levels of nine aliases each: 9^9 strings if expanded.
    private static string AliasBomb()
    {
        var lines = new List<string> { "config:", "  a: &a [x,x,x,x,x,x,x,x,x]" };
        for (var level = 'b'; level <= 'i'; level++)
            lines.Add($"  {level}: &{level} [{string.Join(',', Enumerable.Repeat($"*{(char)(level - 1)}", 9))}]");
        return string.Join('\n', lines) + "\n";
    }

    private static byte[] Text(string text) => StackFileText.Encode(text);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
