using System.CommandLine;
using Infra.Runner;
using Infra.Runner.Plan;

var root = new RootCommand(
    "infra-runner: offline plans and plan diffs of the infra stacks.\n" +
    "Exit codes: 0 success, 1 failed (diff: plans differ), 2 bad input.")
{
    PlanCommand.Create(),
    DiffCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.BadInput;
}
return await parse.InvokeAsync();
