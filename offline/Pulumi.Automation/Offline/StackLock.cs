using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Automation.Offline;

/// <summary>
/// The update lock: a file created exclusively for the length of an update, as the local (diy) backend locks a
/// stack, holding the same fields (pid, username, hostname, timestamp). A second update while it exists fails with
/// the backend's message, which the Automation API classifies as
/// <see cref="Commands.Exceptions.ConcurrentUpdateException"/>, and changes nothing.
/// </summary>
internal sealed class StackLock : IDisposable
{
    private readonly FileStream stream;
    private readonly string path;
    private bool abandoned;

    private StackLock(FileStream stream, string path)
    {
        this.stream = stream;
        this.path = path;
    }

    public static StackLock Acquire(StackFiles files)
    {
        Directory.CreateDirectory(files.StateFolder);
        try
        {
            var stream = new FileStream(files.LockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            var content = new JsonObject
            {
                ["pid"] = Environment.ProcessId,
                ["username"] = Environment.UserName,
                ["hostname"] = Environment.MachineName,
                ["timestamp"] = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            };
            stream.Write(System.Text.Encoding.UTF8.GetBytes(content.ToJsonString()));
            stream.Flush();
            return new StackLock(stream, files.LockPath);
        }
        catch (IOException) when (File.Exists(files.LockPath))
        {
            throw CommandOutcome.Failure("", $"error: {CommandOutcome.LockedPhrase} 1 lock(s). Either wait for the other process(es) " +
                $"to end or delete the lock file with `pulumi cancel`.\n  {files.LockPath}: {Holder(files.LockPath)}\n").ToException();
        }
    }

    /// <summary>The update was killed: like a killed CLI, it leaves the lock behind for <c>pulumi cancel</c>.</summary>
    public void Abandon() => abandoned = true;

    public void Dispose()
    {
        stream.Dispose();
        if (!abandoned) File.Delete(path);
    }

    private static string Holder(string lockPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(lockPath).Trim();
        }
        catch (IOException)
        {
            return "being written";
        }

        try
        {
            var lockContent = JsonNode.Parse(text);
            return $"created by {lockContent?["username"]}@{lockContent?["hostname"]} (pid {lockContent?["pid"]}) at {lockContent?["timestamp"]}";
        }
        catch (JsonException)
        {
            return $"not a lock file the CLI wrote ({text})";
        }
    }
}
