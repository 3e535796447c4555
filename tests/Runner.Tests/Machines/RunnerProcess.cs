using System.Diagnostics;
using System.Reflection;

namespace Runner.Tests.Machines;

/// <summary>
/// The built <c>infra-runner</c> as a separate process: one "machine". Its output lines are collected as they come, so a
/// test can wait for a line instead of for time.
/// </summary>
internal sealed class RunnerProcess : IDisposable
{
    /// <summary>A guard against a runner that hangs, never a timing assertion.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> waits = [];
    private readonly Task outputRead;

    private RunnerProcess(Process process)
    {
        this.process = process;
        outputRead = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (lines) return string.Join("\n", lines);
        }
    }

    public static RunnerProcess Start(string workDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RunnerDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--work-dir");
        start.ArgumentList.Add(workDir);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new RunnerProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {RunnerDll}"));
    }

    /// <summary>Runs a command to its end: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var runner = Start(workDir, environment, args);
        var code = await runner.ExitAsync();
        return (code, runner.Output);
    }

    /// <summary>The first output line that contains <paramref name="text"/>, once the runner has printed it.</summary>
    public Task<string> LineAsync(string text)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (lines)
        {
            if (lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line) return Task.FromResult(line);
            waits.Add((l => l.Contains(text, StringComparison.Ordinal), seen));
        }

        return seen.Task.WaitAsync(Hang);
    }

    public async Task<int> ExitAsync()
    {
        await process.WaitForExitAsync().WaitAsync(Hang);
        await outputRead;
        return process.ExitCode;
    }

    /// <summary><c>kill -9</c>: no cleanup, no goodbye, as when a machine is lost.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (lines)
            {
                lines.Add(line);
                foreach (var wait in waits.Where(w => w.Match(line)).ToList())
                {
                    waits.Remove(wait);
                    wait.Seen.TrySetResult(line);
                }
            }
        }
    }

    /// <summary>The runner built beside these tests, in the same configuration.</summary>
    private static string RunnerDll
    {
        get
        {
            var configuration = typeof(RunnerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var dll = Path.Combine(RepoFiles.Root, "runner", "cli", "bin", configuration, "net10.0", "infra-runner.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is not built; build the solution first (./build.sh test does)");
        }
    }
}
