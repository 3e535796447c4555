using System.Diagnostics;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Xml.Linq;

namespace Pulumi.Automation.Offline;

/// <summary>
/// Runs the project's program as the dotnet language host does: a separate process, in the program's folder, with
/// the stack's config and identity in the environment the engine sets (PULUMI_PROJECT, PULUMI_STACK,
/// PULUMI_ORGANIZATION, PULUMI_DRY_RUN, PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS). There is no engine to connect
/// to, so the program's <c>Deployment.RunAsync</c> (the offline SDK's) registers against echo mocks and reports what
/// it declared through <see cref="ReportVariable"/>. A <c>secure:</c> value is decrypted as the CLI would where a
/// passphrase allows it (see <see cref="PassphraseSecrets"/>); otherwise the program receives the placeholder
/// <c>[secret]</c> in its place. Either way its top-level key is in PULUMI_CONFIG_SECRET_KEYS, so the program holds it
/// as a secret and validation of "is it set" still works.
/// <para/>
/// Unlike the language host it does not build: it runs the built <c>bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;Assembly&gt;.dll</c>
/// with <c>dotnet</c>, in the configuration and target framework this assembly was built in (the runner and the
/// program are built together, so that is the program the runner was built with). Building on every update would
/// cost seconds and race with builds running beside it; <c>dotnet run --no-build</c> would still evaluate the
/// project with MSBuild on every update. A program that is not built fails the update, saying how to build it.
/// </summary>
internal sealed class ProgramProcess(ProjectFile project, string stackName, IDictionary<string, string> environment)
{
    /// <summary>Where the program writes its report (the offline SDK's internal protocol; see ProgramRunReport).</summary>
    public const string ReportVariable = "PULUMI_OFFLINE_RUN_REPORT";

    /// <summary>The organization the local (diy) backend hands programs.</summary>
    private const string LocalOrganization = "organization";

    public async Task<ProgramRun> RunAsync(IReadOnlyDictionary<string, (string Value, bool IsSecret)> config, bool dryRun, string reportPath, CancellationToken cancellationToken)
    {
        if (project.Runtime != "dotnet")
        {
            return ProgramRun.Failed($"error: the offline workspace runs only dotnet programs; Pulumi.yaml has runtime '{project.Runtime}'\n");
        }

        var program = BuiltProgram();
        if (!File.Exists(program))
        {
            return ProgramRun.Failed($"error: the program of project '{project.Name}' is not built: {program} does not exist. The offline " +
                $"workspace runs the built program and does not build it; build it first: dotnet build {project.ProgramFolder} -c {Configuration} -p:OfflineSdk=true\n");
        }

        File.Delete(reportPath);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = project.ProgramFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["PULUMI_PROJECT"] = project.Name;
        start.Environment["PULUMI_STACK"] = stackName;
        start.Environment["PULUMI_ORGANIZATION"] = LocalOrganization;
        start.Environment["PULUMI_DRY_RUN"] = dryRun ? "true" : "false";
        start.Environment["PULUMI_CONFIG"] = JsonSerializer.Serialize(config.ToDictionary(c => c.Key, c => c.Value.Value));
        start.Environment["PULUMI_CONFIG_SECRET_KEYS"] = JsonSerializer.Serialize(config.Where(c => c.Value.IsSecret).Select(c => c.Key).Order(StringComparer.Ordinal));
        start.Environment[ReportVariable] = reportPath;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName} {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // As the Automation API does with the CLI: a canceled update is killed where it is.
            process.Kill(entireProcessTree: true);
            throw;
        }

        var report = process.ExitCode == 0 ? ProgramReport.Read(reportPath) : null;
        var missing = process.ExitCode == 0 && report is null
            ? $"error: {program} exited without reporting what it declared; an offline program must run through Deployment.RunAsync\n"
            : "";
        return new ProgramRun(process.ExitCode, await stdout, await stderr + missing, report);
    }

    private static string Configuration =>
        typeof(ProgramProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>net10.0 for ".NETCoreApp,Version=v10.0".</summary>
    private static string TargetFramework =>
        "net" + (typeof(ProgramProcess).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName.Split("Version=v")[^1]
            ?? Environment.Version.ToString(2));

    private string BuiltProgram()
    {
        var projectFile = Directory.Exists(project.ProgramFolder)
            ? Directory.EnumerateFiles(project.ProgramFolder, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        var assemblyName = projectFile is null
            ? project.Name
            : XDocument.Load(projectFile).Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault(n => n.Length > 0)
                ?? Path.GetFileNameWithoutExtension(projectFile);
        return Path.Combine(project.ProgramFolder, "bin", Configuration, TargetFramework, assemblyName + ".dll");
    }
}

/// <summary>How a program run ended: its exit code and output, and on success what it declared.</summary>
internal sealed record ProgramRun(int ExitCode, string StandardOutput, string StandardError, ProgramReport? Report)
{
    public static ProgramRun Failed(string standardError) => new(CommandOutcome.FailureCode, "", standardError, null);

    public bool Succeeded => ExitCode == 0 && Report is not null;
}
