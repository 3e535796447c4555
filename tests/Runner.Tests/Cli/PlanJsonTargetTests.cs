using Infra.Runner.Plan;

namespace Runner.Tests.Cli;

/// <summary>A --json path that cannot be written is bad input, found before the plan runs or prints anything.</summary>
public sealed class PlanJsonTargetTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("plan-json-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    [Fact]
    public async Task A_json_file_in_a_missing_folder_exits_2_before_any_output()
    {
        var missing = Path.Combine(folder, "out");
        var json = new FileInfo(Path.Combine(missing, "plan.json"));

        var code = await PlanCommand.RunAsync(Path.Combine(folder, "Pulumi.staging.yaml"), json, output, errors);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Equal($"plan: --json {json.FullName}: the folder {missing} does not exist; create it first{Environment.NewLine}", errors.ToString());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task A_json_path_that_is_a_folder_exits_2_before_any_output()
    {
        var code = await PlanCommand.RunAsync(Path.Combine(folder, "Pulumi.staging.yaml"), new FileInfo(folder), output, errors);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Equal($"plan: --json {folder}: is a folder; name the file to write{Environment.NewLine}", errors.ToString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
