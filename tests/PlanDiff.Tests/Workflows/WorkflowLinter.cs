using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// Lints a GitHub Actions workflow: valid YAML, read-only top-level permissions, explicit least-privilege permissions
/// per job, every action pinned to a full commit SHA with its tag in a comment (a tag can be moved to other code, a
/// commit cannot), pulumi/actions at v7, and no secret reaching a shell script's output. Each problem is one exact
/// message naming the file and the job.
/// </summary>
internal static partial class WorkflowLinter
{
    private const string OidcAction = "aws-actions/configure-aws-credentials";
    private static readonly string[] CommentActions = ["marocchino/sticky-pull-request-comment", "actions/github-script"];

    public static IReadOnlyList<string> Lint(string name, string yaml)
    {
        YamlMappingNode root;
        try
        {
            root = Parse(yaml);
        }
        catch (YamlException e)
        {
            return [$"{name}: not valid YAML: {e.Message}"];
        }

        var problems = new List<string>();
        if (!IsReadOnly(root.Get("permissions")))
        {
            problems.Add($"{name}: top-level permissions must be {{}} or read-only");
        }

        if (root.Get("jobs") is not YamlMappingNode jobs)
        {
            problems.Add($"{name}: has no jobs");
            return problems;
        }

        var workflowSecrets = SecretVariables(root).ToList();
        var lines = yaml.Split('\n');
        foreach (var (jobName, job) in jobs.Children.Select(j => (((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value)))
        {
            LintJob($"{name}: job '{jobName}'", job, lines, workflowSecrets, problems);
        }

        return problems;
    }

    /// <summary>Parses one YAML document whose root is a mapping; throws <see cref="YamlException"/> otherwise.</summary>
    public static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new YamlException("a workflow must be a single YAML mapping");
        }

        return root;
    }

    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlMappingNode> Steps(this YamlMappingNode job) =>
        job.Get("steps") is YamlSequenceNode steps ? steps.Children.OfType<YamlMappingNode>() : [];

    private static void LintJob(
        string where, YamlMappingNode job, string[] lines, List<string> workflowSecrets, List<string> problems)
    {
        var steps = job.Steps().ToList();
        var uses = steps.Select(s => s.Scalar("uses")).OfType<string>().ToList();
        LintPermissions(where, job.Get("permissions"), steps, uses, problems);
        foreach (var node in steps.Select(s => s.Get("uses")).OfType<YamlScalarNode>())
        {
            LintPin(where, node.Value!, lines[(int)node.Start.Line - 1], problems);
        }

        var secretVariables = workflowSecrets.Concat(SecretVariables(job)).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var script = steps[i].Scalar("run");
            if (script is null)
            {
                continue;
            }

            if (SecretExpression().IsMatch(script))
            {
                problems.Add($"{where} step {i + 1} puts ${{{{ secrets.* }}}} into a run: script");
            }

            var exposed = SecretVariables(steps[i]).Concat(secretVariables)
                .Where(v => Regex.IsMatch(script, $@"\b(echo|printf)\b[^\n]*\$\{{?{v}\b"));
            foreach (var variable in exposed)
            {
                problems.Add($"{where} step {i + 1} prints the secret variable {variable}");
            }
        }
    }

    // The line of a `uses:` must read `uses: owner/repo@<40 hex> # vX[.Y.Z]`; a local action (./path) is this commit's.
    private static void LintPin(string where, string action, string line, List<string> problems)
    {
        if (action.StartsWith("./", StringComparison.Ordinal))
        {
            return;
        }

        var pin = PinnedLine().Match(line);
        if (!pin.Success || pin.Groups["action"].Value != action)
        {
            problems.Add($"{where} uses '{action}', which is not pinned to a full commit SHA with its tag in a comment (owner/repo@<40 hex> # vX.Y.Z)");
            return;
        }

        var tag = pin.Groups["tag"].Value;
        if (action.StartsWith("pulumi/actions@", StringComparison.Ordinal) && tag != "v7" && !tag.StartsWith("v7.", StringComparison.Ordinal))
        {
            problems.Add($"{where} uses '{action}' ({tag}); pulumi/actions must be v7");
        }
    }

    private static void LintPermissions(
        string where, YamlNode? permissions, List<YamlMappingNode> steps, List<string> uses, List<string> problems)
    {
        switch (permissions)
        {
            case null:
                problems.Add($"{where} has no permissions:");
                return;
            case YamlScalarNode { Value: "write-all" }:
                problems.Add($"{where} grants write-all");
                return;
            case not YamlMappingNode:
                return;
        }

        var granted = (YamlMappingNode)permissions;
        if (granted.Scalar("contents") == "write")
        {
            problems.Add($"{where} grants contents: write");
        }

        if (granted.Scalar("id-token") == "write" && !uses.Any(u => u.StartsWith(OidcAction + "@", StringComparison.Ordinal)))
        {
            problems.Add($"{where} grants id-token: write but does not use OIDC ({OidcAction})");
        }

        if (granted.Scalar("pull-requests") == "write" && !steps.Any(Comments))
        {
            problems.Add($"{where} grants pull-requests: write but never comments");
        }
    }

    private static bool Comments(YamlMappingNode step)
    {
        var action = step.Scalar("uses") ?? "";
        return CommentActions.Any(a => action.StartsWith(a + "@", StringComparison.Ordinal))
            || (action.StartsWith("pulumi/actions@", StringComparison.Ordinal)
                && (step.Get("with") as YamlMappingNode)?.Scalar("comment-on-pr") == "true");
    }

    private static bool IsReadOnly(YamlNode? permissions) => permissions switch
    {
        YamlScalarNode { Value: "read-all" } => true,
        YamlMappingNode map => map.Children.Values.All(v => v is YamlScalarNode { Value: "read" or "none" }),
        _ => false,
    };

    // Environment variables bound to a secret, e.g. PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}.
    private static IEnumerable<string> SecretVariables(YamlMappingNode owner) =>
        owner.Get("env") is YamlMappingNode env
            ? env.Children.Where(e => e.Value is YamlScalarNode v && SecretExpression().IsMatch(v.Value ?? ""))
                .Select(e => ((YamlScalarNode)e.Key).Value!)
            : [];

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s+(?<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40})\s+#\s*(?<tag>v\d+(\.\d+)*)\s*$")]
    private static partial Regex PinnedLine();

    [GeneratedRegex(@"\$\{\{\s*secrets\.")]
    private static partial Regex SecretExpression();
}
