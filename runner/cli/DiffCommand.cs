using System.CommandLine;
using Infra.Runner.PlanDiff;

namespace Infra.Runner;

/// <summary><c>diff BASE.json HEAD.json [--markdown]</c>: what changes between two plans of one stack.</summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var basePlan = new Argument<string>("base") { Description = "The plan JSON of the base (e.g. main)." };
        var headPlan = new Argument<string>("head") { Description = "The plan JSON of the head (e.g. the pull request)." };
        var markdown = new Option<bool>("--markdown") { Description = "Write Markdown for a pull-request comment." };
        var command = new Command("diff", "Compares two plans; flags dangerous changes. Exit 0 equal, 1 different, 2 bad input.")
        {
            basePlan, headPlan, markdown,
        };
        command.SetAction(parse =>
        {
            string[] args = [parse.GetValue(basePlan)!, parse.GetValue(headPlan)!, .. parse.GetValue(markdown) ? ["--markdown"] : Array.Empty<string>()];
            return PlanDiffCommand.Run(args, Console.Out, Console.Error);
        });
        return command;
    }
}
