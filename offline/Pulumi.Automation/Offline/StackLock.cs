using Pulumi.Automation.Commands.Exceptions;

namespace Pulumi.Automation.Offline;

/// <summary>
/// The update lock: a file created exclusively for the length of an update, as the backend locks a stack.
/// A second update while it exists fails with <see cref="ConcurrentUpdateException"/> and changes nothing.
/// </summary>
internal sealed class StackLock : IDisposable
{
    private readonly FileStream stream;
    private readonly string path;

    private StackLock(FileStream stream, string path)
    {
        this.stream = stream;
        this.path = path;
    }

    public static StackLock Acquire(StackFiles files, string stackName)
    {
        Directory.CreateDirectory(files.StateFolder);
        try
        {
            var stream = new FileStream(files.LockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(System.Text.Encoding.UTF8.GetBytes($"pid {Environment.ProcessId}\n"));
            stream.Flush();
            return new StackLock(stream, files.LockPath);
        }
        catch (IOException) when (File.Exists(files.LockPath))
        {
            throw new ConcurrentUpdateException(
                $"the stack '{stackName}' is currently locked by another update ({files.LockPath}); " +
                "if no update is running, remove that file");
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        File.Delete(path);
    }
}
