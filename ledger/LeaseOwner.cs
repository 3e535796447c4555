namespace Infra.Ledger;

/// <summary>Who runs a rollout: the machine, the process, and the CI run when there is one.</summary>
/// <param name="CiRunUrl">e.g. <c>https://github.com/org/repo/actions/runs/42</c>; null outside CI.</param>
public sealed record LeaseOwner(string Host, int ProcessId, string? CiRunUrl)
{
    /// <summary>This process, with the CI run URL from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID when all are set.</summary>
    public static LeaseOwner Current()
    {
        var server = Environment.GetEnvironmentVariable("GITHUB_SERVER_URL");
        var repository = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        var runId = Environment.GetEnvironmentVariable("GITHUB_RUN_ID");
        var runUrl = string.IsNullOrEmpty(server) || string.IsNullOrEmpty(repository) || string.IsNullOrEmpty(runId)
            ? null
            : $"{server.TrimEnd('/')}/{repository}/actions/runs/{runId}";
        return new LeaseOwner(Environment.MachineName, Environment.ProcessId, runUrl);
    }

    /// <summary><c>host (pid 42)</c> or <c>host (pid 42, https://…/runs/7)</c>.</summary>
    public override string ToString() => CiRunUrl is null ? $"{Host} (pid {ProcessId})" : $"{Host} (pid {ProcessId}, {CiRunUrl})";
}
