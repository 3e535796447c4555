namespace Infra.Runner.PlanDiff;

/// <summary>
/// <c>diff BASE.json HEAD.json [--markdown]</c>: prints the report and exits 0 when the plans are equal ("no changes"),
/// 1 when they differ, 2 on bad input (usage, unreadable or invalid plan, different stacks or projects).
/// </summary>
public static class PlanDiffCommand
{
    public const int Equal = ExitCodes.Success;
    public const int Different = ExitCodes.Failed;
    public const int BadInput = ExitCodes.BadInput;

    public const string Usage = "usage: diff BASE.json HEAD.json [--markdown]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(Usage);
            return Equal;
        }

        var markdown = args.Contains("--markdown");
        var unknown = args.Where(a => a.StartsWith('-') && a != "--markdown").ToList();
        var files = args.Where(a => !a.StartsWith('-')).ToList();
        if (unknown.Count > 0 || files.Count != 2)
        {
            var reason = unknown.Count > 0 ? $"unknown option '{unknown[0]}'" : "expected two plan files";
            stderr.WriteLine($"diff: {reason}");
            stderr.WriteLine(Usage);
            return BadInput;
        }

        var problems = new List<string>();
        var basePlan = Load(files[0], problems);
        var headPlan = Load(files[1], problems);
        var diff = basePlan is null || headPlan is null ? null : Compare(basePlan, headPlan, problems);
        if (diff is null)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine($"diff: {problem}");
            }

            return BadInput;
        }

        stdout.Write(markdown ? MarkdownReport.Render(diff) : TextReport.Render(diff));
        return diff.HasChanges ? Different : Equal;
    }

    private static PlanDocument? Load(string path, List<string> problems)
    {
        try
        {
            return PlanReader.Load(path);
        }
        catch (PlanDiffException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
    }

    private static PlanDiffResult? Compare(PlanDocument basePlan, PlanDocument headPlan, List<string> problems)
    {
        try
        {
            return PlanDiffer.Compare(basePlan, headPlan);
        }
        catch (PlanDiffException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
    }
}
