using Infra.Runner.PlanDiff;

namespace PlanDiff.Tests;

/// <summary>The settings variants, each diffed against the base production plan.</summary>
public class PlanScenarioTests
{
    private static PlanDiffResult DiffAgainstBase(string head) =>
        PlanDiffer.CompareJson(PlanFixtures.Json("base"), PlanFixtures.Json(head));

    [Fact]
    public void Weights_changed_on_the_listener_are_flagged_as_changed_outside_the_runner()
    {
        var diff = DiffAgainstBase("weights-changed");

        var change = Assert.Single(diff.Changed);
        Assert.Equal(PlanFixtures.Listener, change.Urn);
        Assert.Equal(
            [
                new PropertyChange("defaultActions[0].forward.targetGroups[0].weight", "100", "90"),
                new PropertyChange("defaultActions[0].forward.targetGroups[1].weight", "0", "10"),
            ],
            change.Inputs);
        var flag = Assert.Single(diff.Dangers);
        Assert.Equal(DangerKind.WeightsOutsideRunner, flag.Kind);
        Assert.Equal("weights changed outside the runner", flag.Title);
        Assert.Equal(
            [
                new PropertyChange("defaultActions[0].forward.targetGroups[0].weight", "100", "90", "web-blue"),
                new PropertyChange("defaultActions[0].forward.targetGroups[1].weight", "0", "10", "web-green"),
            ],
            flag.Changes);
        Assert.Equal(["release with the runner's deploy instead: it shifts weights in steps gated by alarms"], flag.Notes);
    }

    [Fact]
    public void An_image_changed_inside_container_definitions_is_diffed_by_path_and_is_not_dangerous()
    {
        var diff = DiffAgainstBase("image-changed");

        var change = Assert.Single(diff.Changed);
        Assert.Equal(PlanFixtures.GreenTask, change.Urn);
        Assert.Equal(
            [new PropertyChange("containerDefinitions[0].image", "\"registry.example.com/web:1.4.0\"", "\"registry.example.com/web:1.5.0\"")],
            change.Inputs);
        Assert.Empty(diff.Dangers);
    }

    [Fact]
    public void Removing_the_replica_is_flagged_as_removal_of_a_protected_stateful_resource()
    {
        var diff = DiffAgainstBase("replica-removed");

        Assert.Equal(PlanFixtures.Replica, Assert.Single(diff.Removed).Urn);
        Assert.Empty(diff.Changed);
        var flag = Assert.Single(diff.Dangers);
        Assert.Equal(DangerKind.Removal, flag.Kind);
        Assert.Equal("removal of protected stateful resource", flag.Title);
        Assert.Equal(
            [
                "protect: true — pulumi refuses to delete it until protect is turned off",
                "RDS read replica: the DR copy of the database goes with it",
            ],
            flag.Notes);
    }

    [Fact]
    public void Retention_changed_on_the_primary_is_a_stateful_change_in_place_not_a_replacement()
    {
        var diff = DiffAgainstBase("retention-changed");

        var change = Assert.Single(diff.Changed);
        Assert.Equal(PlanFixtures.Primary, change.Urn);
        Assert.Equal([new PropertyChange("backupRetentionPeriod", "14", "21")], change.Inputs);
        var flag = Assert.Single(diff.Dangers);
        Assert.Equal(DangerKind.StatefulOrProtectedChange, flag.Kind);
        Assert.Equal("protected stateful resource change (in place, no replacement)", flag.Title);
        Assert.Equal(["RDS database instance: holds the application's data"], flag.Notes);
        Assert.Equal([new PropertyChange("backupRetentionPeriod", "14", "21")], flag.Changes);
    }

    [Fact]
    public void A_target_group_port_change_is_flagged_as_forcing_replacement_with_the_provider_reason()
    {
        var diff = DiffAgainstBase("target-group-port-changed");

        var flag = Assert.Single(diff.Dangers);
        Assert.Equal(PlanFixtures.BlueTargetGroup, flag.Urn);
        Assert.Equal(DangerKind.ForcesReplacement, flag.Kind);
        Assert.Equal("forces replacement: port", flag.Title);
        Assert.Equal(["the AWS provider replaces it when port changes: a target group's port cannot be modified"], flag.Notes);
        Assert.Equal([new PropertyChange("port", "8080", "8081")], flag.Changes);
    }

    [Fact]
    public void With_all_four_variants_only_the_dangerous_ones_are_flagged_in_urn_order()
    {
        var diff = DiffAgainstBase("four-variants");

        Assert.Equal(
            [
                (PlanFixtures.Listener, DangerKind.WeightsOutsideRunner),
                (PlanFixtures.Primary, DangerKind.StatefulOrProtectedChange),
                (PlanFixtures.Replica, DangerKind.Removal),
            ],
            diff.Dangers.Select(d => (d.Urn, d.Kind)));
        Assert.Equal([PlanFixtures.Listener, PlanFixtures.Primary, PlanFixtures.GreenTask], diff.Changed.Select(c => c.Urn));
    }

    [Fact]
    public void With_all_four_variants_the_markdown_matches_the_expected_comment()
    {
        var diff = DiffAgainstBase("four-variants");

        Assert.Equal(PlanFixtures.Expected("four-variants.md"), MarkdownReport.Render(diff));
    }

    [Fact]
    public void With_all_four_variants_the_text_report_matches_the_expected_output()
    {
        var diff = DiffAgainstBase("four-variants");

        Assert.Equal(PlanFixtures.Expected("four-variants.txt"), TextReport.Render(diff));
    }

    [Fact]
    public void Identical_plans_have_no_changes()
    {
        var diff = DiffAgainstBase("base");

        Assert.False(diff.HasChanges);
        Assert.Empty(diff.Dangers);
        Assert.Equal("plan diff infra/production: no changes\n", TextReport.Render(diff));
        Assert.Equal("### Plan diff: `infra/production`\n\nno changes\n", MarkdownReport.Render(diff));
    }

    [Fact]
    public void Plans_of_different_stacks_cannot_be_compared()
    {
        var error = Assert.Throws<PlanDiffException>(() => DiffAgainstBase("other-stack"));

        Assert.Equal("cannot compare plans of different stacks: base is 'production', head is 'staging'", error.Message);
    }
}
