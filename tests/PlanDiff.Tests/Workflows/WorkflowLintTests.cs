namespace PlanDiff.Tests.Workflows;

/// <summary>The repository's workflows pass the lint, and the lint catches each mistake it is meant to catch.</summary>
public class WorkflowLintTests
{
    public static TheoryData<string> Workflows => new(["preview.yml", "preview-comment.yml", "deploy.yml", "dr-drill.yml"]);

    [Fact]
    public void The_workflows_directory_holds_exactly_the_four_workflows()
    {
        var files = Directory.GetFiles(RepoFiles.WorkflowsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["deploy.yml", "dr-drill.yml", "preview-comment.yml", "preview.yml"], files);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Each_workflow_passes_the_lint(string file)
    {
        Assert.Empty(WorkflowLinter.Lint(file, RepoFiles.Workflow(file)));
    }

    [Fact]
    public void Invalid_yaml_is_reported()
    {
        var problems = WorkflowLinter.Lint("bad.yml", "jobs:\n  a: [unclosed\n");

        Assert.StartsWith("bad.yml: not valid YAML: ", Assert.Single(problems));
    }

    [Fact]
    public void Actions_not_pinned_to_a_commit_sha_with_a_tag_comment_and_an_old_pulumi_action_are_reported()
    {
        const string yaml = """
            permissions: {}
            jobs:
              build:
                permissions:
                  contents: read
                steps:
                  - uses: actions/checkout@main
                  - uses: actions/setup-dotnet@v4
                  - uses: actions/cache@0123456789abcdef0123456789abcdef01234567
                  - uses: actions/cache@0123456789abcdef0123456789abcdef0123456 # v4.2.0
                  - uses: pulumi/actions@0123456789abcdef0123456789abcdef01234567 # v6.5.0
                  - name: pinned
                    uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
                  - uses: ./.github/actions/local
            """;

        Assert.Equal(
            [
                "w.yml: job 'build' uses 'actions/checkout@main', which is not pinned to a full commit SHA with its tag in a comment (owner/repo@<40 hex> # vX.Y.Z)",
                "w.yml: job 'build' uses 'actions/setup-dotnet@v4', which is not pinned to a full commit SHA with its tag in a comment (owner/repo@<40 hex> # vX.Y.Z)",
                "w.yml: job 'build' uses 'actions/cache@0123456789abcdef0123456789abcdef01234567', which is not pinned to a full commit SHA with its tag in a comment (owner/repo@<40 hex> # vX.Y.Z)",
                "w.yml: job 'build' uses 'actions/cache@0123456789abcdef0123456789abcdef0123456', which is not pinned to a full commit SHA with its tag in a comment (owner/repo@<40 hex> # vX.Y.Z)",
                "w.yml: job 'build' uses 'pulumi/actions@0123456789abcdef0123456789abcdef01234567' (v6.5.0); pulumi/actions must be v7",
            ],
            WorkflowLinter.Lint("w.yml", yaml));
    }

    [Fact]
    public void Missing_broad_and_unused_permissions_are_reported()
    {
        const string yaml = """
            permissions: write-all
            jobs:
              none:
                steps: [{run: make}]
              broad:
                permissions: write-all
                steps: [{run: make}]
              pushes:
                permissions:
                  contents: write
                steps: [{run: make}]
              unused:
                permissions:
                  id-token: write
                  pull-requests: write
                steps: [{run: make}]
            """;

        Assert.Equal(
            [
                "w.yml: top-level permissions must be {} or read-only",
                "w.yml: job 'none' has no permissions:",
                "w.yml: job 'broad' grants write-all",
                "w.yml: job 'pushes' grants contents: write",
                "w.yml: job 'unused' grants id-token: write but does not use OIDC (aws-actions/configure-aws-credentials)",
                "w.yml: job 'unused' grants pull-requests: write but never comments",
            ],
            WorkflowLinter.Lint("w.yml", yaml));
    }

    [Fact]
    public void Secrets_in_scripts_and_printed_secret_variables_are_reported()
    {
        const string yaml = """
            permissions: {}
            env:
              API_KEY: ${{ secrets.API_KEY }}
            jobs:
              leak:
                permissions:
                  contents: read
                env:
                  TOKEN: ${{ secrets.TOKEN }}
                steps:
                  - run: echo "${{ secrets.PULUMI_ACCESS_TOKEN }}"
                  - run: printf '%s' "$TOKEN"
                  - run: echo "key=${API_KEY}"
                  - run: ./deploy.sh --token "$TOKEN"
            """;

        Assert.Equal(
            [
                "w.yml: job 'leak' step 1 puts ${{ secrets.* }} into a run: script",
                "w.yml: job 'leak' step 2 prints the secret variable TOKEN",
                "w.yml: job 'leak' step 3 prints the secret variable API_KEY",
            ],
            WorkflowLinter.Lint("w.yml", yaml));
    }
}
