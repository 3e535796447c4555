using Pulumi.Automation.Commands.Exceptions;
using Pulumi.Automation.Offline;

namespace Pulumi.Automation;

/// <summary>
/// A workspace on the local disk. Offline, a stack is its <c>Pulumi.&lt;stack&gt;.yaml</c> in the work folder; there is
/// no backend, so nothing is deployed anywhere.
/// </summary>
public sealed class LocalWorkspace : Workspace
{
    private LocalWorkspace(string workDir, IDictionary<string, string> environmentVariables)
    {
        WorkDir = workDir;
        EnvironmentVariables = environmentVariables;
    }

    public override string WorkDir { get; }

    public override IDictionary<string, string> EnvironmentVariables { get; set; }

    public static Task<WorkspaceStack> SelectStackAsync(LocalProgramArgs args) => SelectStackAsync(args, CancellationToken.None);

    public static Task<WorkspaceStack> SelectStackAsync(LocalProgramArgs args, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var workDir = args.WorkDir ?? Directory.GetCurrentDirectory();
        var files = new StackFiles(workDir, args.StackName, args.EnvironmentVariables);
        if (!File.Exists(files.ConfigPath))
        {
            throw new StackNotFoundException($"no stack named '{args.StackName}' found: {files.ConfigPath} does not exist");
        }

        return Task.FromResult(new WorkspaceStack(args.StackName, new LocalWorkspace(files.WorkDir, args.EnvironmentVariables), files));
    }
}
