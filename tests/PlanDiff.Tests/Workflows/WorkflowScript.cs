using System.Diagnostics;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// Runs a script of .github/scripts with bash, as a workflow step does, in a scratch folder whose <c>bin</c> comes
/// first on PATH: a test puts stand-ins for the AWS CLI or dotnet there. Deleted on dispose.
/// </summary>
internal sealed class WorkflowScript : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflow-script-").FullName;

    public WorkflowScript() => Directory.CreateDirectory(Bin);

    public string Bin => Path.Combine(_folder, "bin");

    public string Folder => _folder;

    /// <summary>Writes an executable stand-in for COMMAND: a bash script with BODY.</summary>
    public void StandIn(string command, string body)
    {
        var path = Path.Combine(Bin, command);
        File.WriteAllText(path, "#!/usr/bin/env bash\nset -euo pipefail\n" + body.ReplaceLineEndings("\n") + "\n");
        // The workflows run on Linux only; so do these scripts.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public async Task<(int Exit, string Out, string Err)> RunAsync(
        string script, string[] args, IDictionary<string, string>? env = null, string input = "")
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoFiles.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoFiles.Root, ".github", "scripts", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = Bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        foreach (var (key, value) in env ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
