using Infra.Runner;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// <c>failover</c> and <c>failback</c> refuse bad input with exit 2 before they ask for the stack name or take the
/// stack's lease: a <c>--lease-wait</c> that is not a duration, and a stack file without what a DR command needs.
/// </summary>
public sealed class DrCommandInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dr-input-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    [Theory]
    [InlineData("1d")]
    [InlineData("soon")]
    [InlineData("")]
    public async Task A_fail_back_lease_wait_that_is_not_a_duration_exits_2_naming_the_flag_and_the_value_before_the_stack_is_opened(string wait)
    {
        var code = await RunnerCli.RunAsync(["failback", "--stack", "staging", "--work-dir", folder, "--lease-wait", wait], output, errors);

        Assert.Equal(2, code);
        var line = Assert.Single(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith($" ERR Bad input: --lease-wait: '{wait}' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h", line);
    }

    [OfflineSdkTheory("opens the stack and reads its config through the workspace")]
    [InlineData("failover")]
    [InlineData("failback")]
    public async Task A_stack_without_replica_or_pilot_light_is_refused_before_the_stack_name_is_asked_for(string command)
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        var staging = File.ReadAllText(RepoFiles.StackFile("staging"));
        // The whole block: the replicated repositories it lists are refused without a pilot light.
        var dr = staging[staging.IndexOf("  infra:dr:\n", StringComparison.Ordinal)..staging.IndexOf("  infra:alerting:\n", StringComparison.Ordinal)];
        File.WriteAllText(Path.Combine(folder, "Pulumi.nodr.yaml"), staging.Replace(dr, "  infra:dr:\n    replica: false\n"));

        var code = await RunnerCli.RunAsync([command, "--stack", "nodr", "--work-dir", folder], output, errors);

        Assert.Equal(2, code);
        var line = Assert.Single(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(" ERR Bad input: stack nodr cannot fail over or back: the stack has no DR replica (infra:dr.replica is false); " +
            "the stack has no pilot light (infra:dr.pilotLight is false). Run a full update with this version of the program first", line);
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        output.Dispose();
        errors.Dispose();
    }
}
